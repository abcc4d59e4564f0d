/**
 * Make indexedDB.open throw `name` (as a browser does with a locked profile or a full disk) until the returned
 * repair function is called. tests/unit/setup.ts replaces indexedDB before every test, so nothing leaks.
 */
export function breakIndexedDbOpen(name: string, message = 'storage unavailable'): () => void {
  const realOpen = indexedDB.open.bind(indexedDB);
  let broken = true;
  indexedDB.open = (...args: Parameters<typeof realOpen>) => {
    if (broken) throw new DOMException(message, name);
    return realOpen(...args);
  };
  return () => {
    broken = false;
  };
}
