// A problem found in a document, named by the field it is in (`devices[0].owner`), the way
// docs/scenario-format.md shows them. The path is empty when the problem is the document as a whole.

export interface FieldError {
  path: string;
  message: string;
}

/** The one-line form: `devices[0].owner: no endpoint "Q"`. */
export function errorText(e: FieldError): string {
  return e.path === '' ? e.message : `${e.path}: ${e.message}`;
}
