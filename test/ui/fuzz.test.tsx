// Keystroke fuzzing: thousands of random keys (escape sequences, menus, pause, rewind, resizes)
// must never crash the dashboard or draw a frame taller than the terminal.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { render } from 'ink-testing-library';
import { App } from '../../source/ui/app.js';
import { bootedSession, stripAnsi } from './helpers.js';

const KEYS = [
  'j', 'k', 'c', 's', 'r', 'p', 'x', 't', 'm', 'l', '?', ' ', '.', '+', '-', '[', ']', ':', '1', '5', 'z', 'Q', '\t',
  '\r', '\u001b', '\u001b[A', '\u001b[B', '\u001b[C', '\u001b[D', '\u001b[Z', '\u001b[1;5A', '\u001bOP', '\u007f', '\u0001', 'é', '🙂',
];
const SIZES: [number, number][] = [[80, 24], [60, 15], [120, 40], [200, 50], [100, 20], [45, 10]];

describe('keystroke fuzzing', () => {
  it('survives thousands of random keys and resizes; every frame fits the terminal', async () => {
    let keys = 0;
    let frames = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.constantFrom(...KEYS), fc.constant('resize')), { minLength: 60, maxLength: 120 }),
        fc.integer({ min: 0, max: SIZES.length - 1 }),
        async (seq, sizeIndex) => {
          let [cols, rows] = SIZES[sizeIndex];
          const session = bootedSession(7, true);
          const app = render(<App session={session} autoTick={false} cols={cols} rows={rows} noColor />);
          try {
            for (let i = 0; i < seq.length; i++) {
              const k = seq[i];
              if (k === 'resize') {
                [cols, rows] = SIZES[(sizeIndex + i) % SIZES.length];
                app.rerender(<App session={session} autoTick={false} cols={cols} rows={rows} noColor />);
              } else {
                app.stdin.write(k); // q is left out: it quits (tested on its own)
                keys++;
              }
              if (i % 10 === 9) await new Promise((r) => setTimeout(r, 0));
              const frame = stripAnsi(app.lastFrame() ?? '');
              frames++;
              const lines = frame.split('\n');
              if (cols >= 60 && rows >= 15) expect(lines.length).toBeLessThanOrEqual(rows - 1);
              for (const l of lines) expect([...l].length).toBeLessThanOrEqual(Math.max(cols, 80));
              expect(frame).not.toMatch(/ERROR|TypeError|at .*\.tsx?:\d+/);
            }
          } finally {
            app.unmount();
          }
        },
      ),
      { numRuns: 60, seed: 99 },
    );
    console.log(`fuzz: ${keys} keys, ${frames} frames checked`);
    expect(keys).toBeGreaterThan(2000);
  }, 300_000);
});
