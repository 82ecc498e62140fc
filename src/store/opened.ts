// Whether a link opened is known at once, or once a worker has decoded it (store actions'
// openLink): what follows an opening — presenting, the matrix, playing — waits for the answer.

/** Runs `then` with whether it opened: now, or when the promise settles. */
export function whenOpened(opened: boolean | Promise<boolean>, then: (opened: boolean) => void): void {
  if (typeof opened === 'boolean') then(opened);
  else void opened.then(then);
}
