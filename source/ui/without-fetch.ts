// Loads Ink with the global fetch hidden. Ink's layout engine (yoga) compiles its WebAssembly
// from an inline data URL and fetches that URL when fetch exists, which makes Node load its whole
// HTTP client first: ~45 ms of a ~400 ms start. Without fetch it decodes the bytes itself.
export async function withoutFetch<T>(load: () => Promise<T>): Promise<T> {
  const saved = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (!saved?.configurable) return load();
  Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
  try {
    return await load();
  } finally {
    Object.defineProperty(globalThis, 'fetch', saved);
  }
}
