// The short mark a page carries for its owner, so colour is never the only cue: the owner id's
// first letter when no other endpoint's starts the same, else its first and last characters
// (VM1, VM2 → V1, V2), else its first two.

export function ownerMarks(ids: readonly string[]): string[] {
  const unique = (f: (id: string) => string) => {
    const marks = ids.map(f);
    return (i: number) => marks.filter((m) => m === marks[i]).length === 1;
  };
  const first = (id: string) => id.slice(0, 1);
  const ends = (id: string) => (id.length > 1 ? id.slice(0, 1) + id.slice(-1) : id);
  const firstOk = unique(first);
  const endsOk = unique(ends);
  return ids.map((id, i) => (firstOk(i) ? first(id) : endsOk(i) ? ends(id) : id.slice(0, 2)));
}
