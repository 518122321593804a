// Every built-in lesson passes headless: each expectation proves the behaviour it narrates. The
// lessons run through the code `--headless --scenario NAME` runs: the CLI's scenario adapter and
// its headless runner, read back from the NDJSON it prints.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { listScenarios, loadScenario } from '../../source/scenario/index.js';
import { loadScenario as loadForCli } from '../../source/cli/scenario-adapter.js';
import { runHeadless } from '../../source/cli/headless.js';

interface CheckLine { t: number; step: number; expect: string; ok: boolean; actual: string }

async function runLesson(name: string): Promise<{ code: number; checks: CheckLine[] }> {
  const r = await loadForCli(name, undefined);
  if (!r.ok) throw new Error(r.error);
  const out = new PassThrough();
  const checks: CheckLine[] = [];
  let buf = '';
  out.on('data', (d: Buffer) => {
    buf += d.toString();
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = JSON.parse(buf.slice(0, nl)) as { type: string } & CheckLine;
      buf = buf.slice(nl + 1);
      if (line.type === 'check') checks.push({ t: line.t, step: line.step, expect: line.expect, ok: line.ok, actual: line.actual });
    }
  });
  const code = await runHeadless({ config: r.config, durationMs: null, snapshotEveryMs: null, driver: r.driver(false), version: 'test', scenario: { name, title: r.title } }, out);
  return { code, checks };
}

const lessons = listScenarios();

describe('built-in lessons', () => {
  it('there are lessons for the whole story (at least 9), each with a title and description', () => {
    expect(lessons.length).toBeGreaterThanOrEqual(9);
    for (const l of lessons) {
      expect(l.title.length).toBeGreaterThan(5);
      expect(l.description.length).toBeGreaterThan(10);
    }
  });

  for (const l of lessons) {
    it(`${l.name} passes headless`, async () => {
      const r = loadScenario(l.name);
      if (!r.ok) throw new Error(r.error);
      const out = await runLesson(l.name);
      const failed = out.checks.filter((c) => !c.ok).map((c) => `step ${c.step}: ${c.expect} (saw ${c.actual})`);
      expect(failed).toEqual([]);
      expect(out.checks.length).toBeGreaterThanOrEqual(3);
      expect(out.code).toBe(0);
      // Every lesson marks its key moments and asks or narrates along the way.
      expect(r.scenario.steps.some((s) => s.say)).toBe(true);
    });
  }

  it('lessons ask prediction questions', () => {
    const asking = lessons.filter((l) => {
      const r = loadScenario(l.name);
      return r.ok && r.scenario.steps.some((s) => s.ask);
    });
    expect(asking.length).toBeGreaterThanOrEqual(5);
  });

  it('a lesson is deterministic: same seed, same checks at the same times', async () => {
    const a = await runLesson('03-active-standby-leases');
    const b = await runLesson('03-active-standby-leases');
    expect(JSON.stringify(a.checks)).toBe(JSON.stringify(b.checks));
  });

  it('a lesson can also be run by short name', () => {
    expect(loadScenario('quorum').ok).toBe(true);
  });
});
