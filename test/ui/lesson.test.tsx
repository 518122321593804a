// An interactive lesson driven by keys: a prediction is asked before its fault with the clock held,
// the answer's grade shows together with the next step's narration, b goes back a step.
import { describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import { App } from '../../source/ui/app.js';
import { createSession } from '../../source/sim/session.js';
import { createState } from '../../source/sim/create.js';
import { loadScenario, scenarioConfig, scenarioDriver } from '../../source/scenario/index.js';
import { stripAnsi, waitFor, press } from './helpers.js';

const clockOf = (frame: string) => /t (\d\d:\d\d\.\d)/.exec(frame)?.[1];
const sleep = (ms: number) => new Promise((res) => setTimeout(res, ms));

describe('interactive lesson', () => {
  it('asks before the fault with the clock held, grades with the next narration, goes back with b', async () => {
    const r = loadScenario('04-graceful-stop-vs-crash');
    if (!r.ok) throw new Error(r.error);
    const driver = scenarioDriver(r.scenario, { interactive: true });
    const session = createSession(createState(scenarioConfig(r.scenario)), { speed: 16 });
    const app = render(<App session={session} driver={driver} driverTitle={r.scenario.title} autoTick frameMs={20} cols={120} rows={45} noColor />);
    const frame = () => stripAnsi(app.lastFrame() ?? '');
    await waitFor(() => frame().includes('Predict: How soon does a standby scheduler'), 'the first question', 15_000);
    // Asked before the action: the scheduler leader still runs, and the clock does not move.
    expect(frame()).toContain('Lesson: Graceful stop vs crash');
    expect(frame()).toContain('step 1/');
    expect(frame()).toContain('lesson waits');
    expect(frame()).toContain('about to get SIGTERM');
    expect(driver.view().checks).toEqual([]);
    const held = clockOf(frame());
    expect(held).toBe('00:05.0');
    await sleep(400);
    expect(clockOf(frame())).toBe(held);
    await press(app.stdin, '1');
    // The second question comes with its narration and the first answer's grade at once.
    await waitFor(() => frame().includes('Predict: How long until another controller-manager'), 'the second question', 30_000);
    expect(frame()).toContain('✓ Right: On its next retry');
    expect(frame()).toContain('Now the kube-controller-manager leader');
    expect(clockOf(frame())).toBe('00:12.0');
    // b: back to the start of the previous step, its question open again at its moment.
    await press(app.stdin, 'b');
    await waitFor(() => frame().includes('Predict: How soon does a standby scheduler'), 'the first question again', 10_000);
    expect(clockOf(frame())).toBe('00:05.0');
    expect(frame()).not.toContain('✓ Right');
    // The footer says what b did, as it says what a key did in free play.
    expect(frame()).toContain('last: back to step 1');
    app.unmount();
  }, 60_000);
});
