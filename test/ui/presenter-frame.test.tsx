// Presenter mode drawn through Ink at 80x24, 120x36 and 160x48: the verdict in block letters, the pane
// the step is about, the narration boxed with the lesson's status, the strip, the lesson keys
// (g opens the chapter list and jumps), and never more than rows - 1 lines or cols columns.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import chalk from 'chalk';
import { render } from 'ink-testing-library';
import { App } from '../../source/ui/app.js';
import { createSession } from '../../source/sim/session.js';
import { createState } from '../../source/sim/create.js';
import { loadScenario, scenarioConfig, scenarioDriver } from '../../source/scenario/index.js';
import { blockLetters } from '../../source/ui/presenter/block-letters.js';
import { stripAnsi, waitFor, press } from './helpers.js';

function start(cols: number, rows: number, startStep?: number) {
  const r = loadScenario('03-active-standby-leases');
  if (!r.ok) throw new Error(r.error);
  const driver = scenarioDriver(r.scenario, { interactive: true });
  const session = createSession(createState(scenarioConfig(r.scenario)), { speed: 8 });
  const app = render(<App session={session} driver={driver} driverTitle={r.scenario.title} autoTick frameMs={20} cols={cols} rows={rows} noColor={false} present startStep={startStep} />);
  const raw = () => app.lastFrame() ?? '';
  const frame = () => stripAnsi(raw());
  return { app, driver, frame, raw };
}

const width = (l: string) => [...l].length;

describe('presenter mode', () => {
  let level: typeof chalk.level;
  beforeEach(() => {
    level = chalk.level;
    chalk.level = 3;
  });
  afterEach(() => {
    chalk.level = level;
  });

  for (const [cols, rows] of [[80, 24], [120, 36], [160, 48]] as const) {
    it(`at ${cols}x${rows}: block verdict, the focus pane, the boxed narration, the strip, in colour`, async () => {
      const { app, frame, raw } = start(cols, rows, 2);
      await waitFor(() => frame().includes('Predict: When can another controller-manager'), 'the question of step 2', 10_000);
      const f = frame();
      const lines = f.split('\n');
      expect(lines.length).toBeLessThanOrEqual(rows - 1);
      for (const l of lines) expect(width(l)).toBeLessThanOrEqual(cols);
      // The verdict as block letters, row for row, under the clock line.
      // From 40 rows the letters are drawn twice as wide and twice as tall.
      const block = rows >= 40 ? blockLetters('API OK').map((r) => r.replace(/./gu, '$&$&')) : blockLetters('API OK');
      for (const row of block) expect(lines.some((l) => l.trimEnd() === ` ${row}`.trimEnd())).toBe(true);
      expect(lines[0]).toMatch(/PRESENTER\s+t 00:10\.0/);
      // The step's focus (leases) is the pane shown; the narration is in the box with the status.
      expect(f).toContain('━━ Leases');
      expect(f).toMatch(/┌─ +▣ Lesson: .*step 2\/3.*\? answer 1-3/);
      expect(f).toContain('The master that holds the kube-controller-manager lease is about to crash');
      expect(f).toMatch(/└─+┘/);
      // Nothing inside the box is cut: no line there ends in the clip mark.
      expect(lines.filter((l) => l.startsWith('│') && /… +│$/.test(l))).toEqual([]);
      expect(f).toContain(' g steps ');
      // Colour is on (the level was set): the block letters carry the verdict's tone.
      expect(raw()).toMatch(/\u001b\[32m[^\n]*█/);
      // Answered: the question closes and the strip shows under the box.
      await press(app.stdin, '2');
      await waitFor(() => frame().includes(' Timeline '), 'the timeline strip', 10_000);
      const after = frame().split('\n');
      expect(after.length).toBeLessThanOrEqual(rows - 1);
      expect(after.findIndex((l) => l.includes(' Timeline '))).toBeGreaterThan(after.findIndex((l) => l.startsWith('└')));
      // The box follows the panes: spare rows of a tall screen go under the keys, not between them.
      const boxTop = after.findIndex((l) => l.startsWith('┌'));
      expect(after[boxTop - 1].trim()).not.toBe('');
      expect(frame()).toMatch(/ API +[…─≈✖]/);
      app.unmount();
    }, 30_000);
  }

  it('g lists the steps and jumps to one as --step N does; P switches views, even with a question open', async () => {
    const { app, driver, frame } = start(80, 24);
    await waitFor(() => frame().includes('lesson waits'), 'step 1 held', 10_000);
    await press(app.stdin, 'g');
    await waitFor(() => frame().includes('Go to step'), 'the chapter list', 5000);
    expect(frame()).toContain('step 2  The master that holds the kube-controller-manager');
    expect(frame()).toContain('step 3  A pod is deleted while the lease');
    await press(app.stdin, '3');
    await waitFor(() => frame().includes('step 3/3'), 'step 3 on screen', 10_000);
    // Like --step 3: the clock at step 3's time, step 2's crash done, its question unasked.
    expect(frame()).toMatch(/t 00:12\.0/);
    expect(driver.view().predictions).toEqual([]);
    expect(frame()).toContain('A pod is deleted while the lease');
    // b goes back to step 2 (held on the way), its question asked again.
    await press(app.stdin, 'b');
    await waitFor(() => frame().includes('Predict: When can another controller-manager'), 'step 2 again', 10_000);
    expect(frame()).toMatch(/t 00:10\.0/);
    // P works while a question is open: the presenter switches views, the question stays asked.
    await press(app.stdin, 'P');
    await waitFor(() => frame().includes(' kube-ha-lab ') && frame().includes('Predict: When can another'), 'the normal view, question open', 5000);
    await press(app.stdin, 'P');
    await waitFor(() => frame().includes('PRESENTER') && frame().includes('Predict: When can another'), 'presenter again, question open', 5000);
    await press(app.stdin, '2');
    await waitFor(() => !frame().includes('Predict:'), 'the question answered', 5000);
    await press(app.stdin, 'P');
    await waitFor(() => frame().includes(' kube-ha-lab '), 'the normal dashboard', 5000);
    expect(frame()).not.toContain('PRESENTER');
    app.unmount();
  }, 30_000);
});
