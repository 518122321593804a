// Ink is loaded with fetch hidden (so its layout engine does not load Node's HTTP client), and
// fetch is back afterwards, whether the load worked or failed.
import { describe, expect, it } from 'vitest';
import { withoutFetch } from '../../source/ui/without-fetch.js';

describe('withoutFetch', () => {
  it('hides fetch while loading and restores it after', async () => {
    const before = globalThis.fetch;
    const seen = await withoutFetch(async () => typeof globalThis.fetch);
    expect(seen).toBe('undefined');
    expect(globalThis.fetch).toBe(before);
    await expect(withoutFetch(async () => Promise.reject(new Error('load failed')))).rejects.toThrow('load failed');
    expect(globalThis.fetch).toBe(before);
  });
});
