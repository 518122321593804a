// The renderer's measurements must equal what Ink measures with its own modules, and their caches
// must stay bounded however many different texts a long session draws.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import stringWidth from 'string-width';
import inkMeasureText from 'ink-upstream/measure-text.js';
import inkSanitizeAnsi from 'ink-upstream/sanitize-ansi.js';
import { lineWidth, measureText, widestLine } from '../../source/ui/ink-patches/text-metrics.js';
import { BoundedCache } from '../../source/ui/ink-patches/bounded-cache.js';
import sanitizeAnsi from '../../source/ui/ink-patches/sanitize-ansi.js';

const piece = fc.constantFrom('a', ' ', '─', '│', '●', '▇', '漢', '🙂', 'é', '\u0301', '\u001b[31m', '\u001b[0m', '\u001b[1;42m', 'ｶﾞ', '\t', '\u001b[2J', '\u001b[38:5:1m', '\u001b]8;;http://x\u0007', '\u009b1A', '\u001b', '\u001b[?25l', '\u0085');
const line = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));
const text = fc.array(line, { minLength: 1, maxLength: 6 }).map((ls) => ls.join('\n'));

describe('text metrics', () => {
  it('measure every text as Ink does, cached or not', () => {
    fc.assert(
      fc.property(text, (t) => {
        const expected = inkMeasureText(t);
        expect(measureText(t)).toEqual(expected);
        expect(measureText(t)).toEqual(expected);
        expect(widestLine(t)).toBe(Math.max(...t.split('\n').map((l) => stringWidth(l))));
        for (const l of t.split('\n')) expect(lineWidth(l)).toBe(stringWidth(l));
        expect(sanitizeAnsi(t)).toBe(inkSanitizeAnsi(t));
      }),
      { numRuns: 400, seed: 5 },
    );
    expect(measureText('')).toEqual({ width: 0, height: 0 });
  });

  it('a bounded cache keeps at most twice its limit and still answers for what it forgot', () => {
    let made = 0;
    const cache = new BoundedCache<number>(100);
    for (let i = 0; i < 10_000; i++) {
      expect(cache.get(`line ${i}`, (k) => (made++, k.length))).toBe(`line ${i}`.length);
      expect(cache.size).toBeLessThanOrEqual(200);
    }
    expect(made).toBe(10_000);
    // recently used entries are hits; long-forgotten ones are made again
    const before = made;
    cache.get('line 9999', (k) => (made++, k.length));
    expect(made).toBe(before);
    cache.get('line 0', (k) => (made++, k.length));
    expect(made).toBe(before + 1);
  });
});
