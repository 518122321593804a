// Headless lesson casts read back as a viewer sees them (the cast replayed through the export
// module's terminal model): the prediction question with its choices while the clock is held,
// then the right answer marked with the explanation; the narration drawn once; the same bytes
// for the same seed and lesson.
import { describe, expect, it } from 'vitest';
import { renderScenarioToCast } from '../../source/record/render-scenario.js';
import { parseCast } from '../../source/record/asciicast.js';
import { ASK_HOLD_S } from '../../source/record/prediction-track.js';
import { castScreens } from './cast-screen.js';

const QUESTION = '? Predict: Who leads etcd after the partition?';
const RIGHT = '✔ 2  A member on the majority side, with a higher term';
const NARRATION = 'With CheckQuorum the';

async function partitionCast(): Promise<string> {
  const r = await renderScenarioToCast({ scenario: '08-partition', size: { cols: 120, rows: 36 }, colorLevel: 0 });
  expect(r.error).toBeNull();
  return r.text!;
}

describe('a headless lesson cast (08-partition)', () => {
  it('asks first: the question and its choices, the clock held, no answer and no explanation yet', async () => {
    const c = await castScreens(await partitionCast());
    const asked = c.marker('leader-partitioned');
    // The lesson panel: the rows above the dashboard's header.
    const screen = c.at(asked + 1).slice(0, 6).join('\n');
    expect(screen).toContain(QUESTION);
    expect(screen).toContain('1  The isolated member keeps leading');
    expect(screen).toContain('2  A member on the majority side, with a higher term');
    expect(screen).not.toContain('✔');
    expect(screen).not.toContain(NARRATION);
    // The simulated clock does not move while the room thinks (the header's t).
    const clockOf = (t: number) => /t (\d\d:\d\d\.\d)/.exec(c.at(t).join('\n'))?.[1];
    expect(clockOf(asked + ASK_HOLD_S - 0.5)).toBe(clockOf(asked + 0.5));
    // One frame a second while held, so an idle limit in a player or export keeps the pause.
    const held = c.frames.filter((f) => f.t >= asked && f.t < asked + ASK_HOLD_S).map((f) => f.t);
    expect(held.length).toBeGreaterThanOrEqual(ASK_HOLD_S - 1);
  }, 60_000);

  it('then answers: the right choice marked, the others not, with the explanation', async () => {
    const c = await castScreens(await partitionCast());
    const asked = c.marker('leader-partitioned');
    const answered = c.frames.find((f) => f.t > asked && c.at(f.t).some((l) => l.includes(RIGHT)));
    expect(answered).toBeDefined();
    expect(answered!.t).toBeGreaterThanOrEqual(asked + ASK_HOLD_S);
    const screen = c.at(answered!.t).join('\n');
    expect(screen).toContain(RIGHT);
    expect(screen).toContain('· 1  The isolated member keeps leading');
    expect(screen).toContain(NARRATION);
  }, 60_000);

  it('draws each narration once, and renders to the same bytes twice', async () => {
    const text = await partitionCast();
    expect(await partitionCast()).toBe(text);
    expect(parseCast(text).problems).toEqual([]);
    const c = await castScreens(text);
    let seen = 0;
    for (const f of c.frames) {
      const rows = c.at(f.t);
      for (const snippet of [NARRATION, 'The partition heals']) {
        const n = rows.filter((r) => r.includes(snippet)).length;
        expect(n, `"${snippet}" at ${f.t} s`).toBeLessThanOrEqual(1);
        seen += n;
      }
    }
    expect(seen).toBeGreaterThan(0);
  }, 120_000);
});
