/** Reads a key from web storage; null when absent or when storage is unavailable (private mode). */
export function readStored(storage: Storage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

/** Writes (or, with null, removes) a key; storage errors are ignored. */
export function writeStored(storage: Storage, key: string, value: string | null): void {
  try {
    if (value === null) storage.removeItem(key);
    else storage.setItem(key, value);
  } catch {
    // Storage full or disabled: the app still works for this page's lifetime.
  }
}
