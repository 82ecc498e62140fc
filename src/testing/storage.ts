// A localStorage for tests in Node, installed on the global object: what the app keeps in the
// browser (the autosave, My scenarios) lands in the returned map, which a test reads and clears.

export function memoryStorage(): Map<string, string> {
  const storage = new Map<string, string>();
  Object.assign(globalThis, {
    localStorage: {
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: string) => void storage.set(k, v),
      removeItem: (k: string) => void storage.delete(k),
    },
  });
  return storage;
}
