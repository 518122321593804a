// The dashboard's compositor must give exactly what Ink's own gives, for any frame: random
// operations (overlapping writes, clips, wide characters, styles, transformers, rows off the
// grid) and real dashboard frames through keys, menus, overlays and sizes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import stringWidth from 'string-width';
import React from 'react';
import chalk from 'chalk';
import { render } from 'ink-testing-library';
import { App } from '../../source/ui/app.js';
import InkOutputModule from 'ink-upstream/output.js';
import { composeOperations, installFastOutput } from '../../source/ui/ink-patches/fast-output.js';
import { bootedSession, press, KEY } from './helpers.js';

type Ops = Parameters<typeof composeOperations>[2];
interface InkOutput {
  width: number;
  height: number;
  operations: Ops;
  write(x: number, y: number, text: string, o: { transformers: ((l: string, i: number) => string)[] }): void;
  clip(c: object): void;
  unclip(): void;
  get(): { output: string; height: number };
}
type InkOutputClass = (new (o: { width: number; height: number }) => InkOutput) & { prototype: InkOutput };

const InkOutput = InkOutputModule as unknown as InkOutputClass;
const inkGet: InkOutput['get'] = InkOutput.prototype.get;

const RUNS = Number(process.env.PROPERTY_RUNS ?? 300);

const piece = fc.constantFrom('a', 'bc', ' ', '─', '●', '▇', '漢', '字', '🙂', 'é', 'x y', '');
const style = fc.constantFrom('', '\u001b[31m', '\u001b[1m', '\u001b[42m', '\u001b[0m', '\u001b[39m', '\u001b[22m', '\u001b[90m');
const line = fc.array(fc.tuple(style, piece), { maxLength: 8 }).map((parts) => parts.map(([s, p]) => s + p).join(''));
const text = fc.array(line, { minLength: 1, maxLength: 5 }).map((ls) => ls.join('\n'));
const op = fc.oneof(
  { weight: 6, arbitrary: fc.record({ type: fc.constant('write' as const), x: fc.integer({ min: -2, max: 22 }), y: fc.integer({ min: -2, max: 9 }), text, upper: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('clip' as const), x1: fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }), w: fc.integer({ min: 0, max: 12 }), y1: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }), h: fc.integer({ min: 0, max: 6 }) }) },
  { weight: 1, arbitrary: fc.constant({ type: 'unclip' as const }) },
);
const upper = (l: string) => l.toUpperCase();

describe('the fast compositor', () => {
  it('gives the same screen text as Ink for random operations', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 8 }), fc.array(op, { maxLength: 14 }), (width, height, ops) => {
        const ink = new InkOutput({ width, height });
        for (const o of ops) {
          if (o.type === 'write') ink.write(o.x, o.y, o.text, { transformers: o.upper ? [upper] : [] });
          else if (o.type === 'clip') ink.clip({ x1: o.x1, x2: o.x1 === undefined ? undefined : o.x1 + o.w, y1: o.y1, y2: o.y1 === undefined ? undefined : o.y1 + o.h });
          else ink.unclip();
        }
        const expected = inkGet.call(ink);
        // twice: the second time every row comes from the cache
        expect(composeOperations(width, height, ink.operations)).toEqual(expected);
        expect(composeOperations(width, height, ink.operations)).toEqual(expected);
      }),
      { numRuns: RUNS, seed: 11 },
    );
  });

  it('gives the same screen text as Ink for columns side by side (its fast path)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), text), { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 6 }), (columns, spare) => {
        let x = 0;
        const placed = columns.map(([gap, t]) => {
          const at = x + gap;
          x = at + Math.max(0, ...t.split('\n').map((l) => stringWidth(l)));
          return { at, t };
        });
        const width = x + spare;
        if (width === 0) return;
        const ink = new InkOutput({ width, height: 5 });
        for (const { at, t } of placed) ink.write(at, 0, t, { transformers: [] });
        expect(composeOperations(width, 5, ink.operations)).toEqual(inkGet.call(ink));
      }),
      { numRuns: RUNS, seed: 12 },
    );
  });

  describe('on real dashboard frames', () => {
    let compared = 0;
    let coloured = 0;
    const mismatches: string[] = [];
    const savedLevel = chalk.level;
    beforeAll(() => {
      // vitest's colour level is 0: without this the frames would carry no escape codes to compare.
      chalk.level = 3;
      InkOutput.prototype.get = function get(this: InkOutput) {
        const expected = inkGet.call(this);
        const got = composeOperations(this.width, this.height, this.operations);
        compared++;
        if (/\u001b\[/.test(expected.output)) coloured++;
        if (got.output !== expected.output || got.height !== expected.height) mismatches.push(expected.output);
        return expected;
      };
    });
    afterAll(() => {
      InkOutput.prototype.get = inkGet;
      chalk.level = savedLevel;
    });

    it('matches Ink frame for frame through keys, menus, overlays and sizes', async () => {
      for (const [cols, rows, noColor] of [[160, 48, false], [120, 40, false], [80, 24, true], [60, 15, false]] as const) {
        const r = render(React.createElement(App, { session: bootedSession(5), autoTick: false, cols, rows, noColor }));
        for (const k of ['c', '.', '.', KEY.down, KEY.enter, KEY.esc, '?', KEY.esc, 'm', KEY.esc, KEY.tab, 'x', ' ', '[', '[', ']', 't', KEY.down, 'k', 'l', KEY.esc]) {
          await press(r.stdin, k);
        }
        r.unmount();
      }
      expect(mismatches).toEqual([]);
      expect(compared).toBeGreaterThan(40);
      expect(coloured).toBeGreaterThan(20);
    });
  });

  it('installFastOutput gives Ink\'s own class this compositor in unbundled runs (the tests)', async () => {
    try {
      expect(await installFastOutput()).toBe(true);
      expect(InkOutput.prototype.get).not.toBe(inkGet);
      const out = new InkOutput({ width: 6, height: 2 });
      out.write(1, 0, '\u001b[31mab\u001b[39m', { transformers: [] });
      out.write(0, 1, '漢x', { transformers: [] });
      expect(out.get()).toEqual(inkGet.call(out));
    } finally {
      InkOutput.prototype.get = inkGet;
    }
  });
});
