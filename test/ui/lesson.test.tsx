// An interactive lesson driven by keys: narration shows, Enter advances, questions are answered
// with the menu before the fault, and ✓ marks appear as expectations pass.
import { describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import { App } from '../../source/ui/app.js';
import { createSession } from '../../source/sim/session.js';
import { createState } from '../../source/sim/create.js';
import { loadScenario, scenarioConfig, scenarioDriver } from '../../source/scenario/index.js';
import { stripAnsi, waitFor, press, KEY } from './helpers.js';

describe('interactive lesson', () => {
  it('shows narration, waits for Enter, asks the prediction, marks ✓', async () => {
    const r = loadScenario('04-graceful-stop-vs-crash');
    if (!r.ok) throw new Error(r.error);
    const driver = scenarioDriver(r.scenario, { interactive: true });
    const session = createSession(createState(scenarioConfig(r.scenario)), { speed: 16 });
    const app = render(<App session={session} driver={driver} driverTitle={r.scenario.title} autoTick frameMs={20} cols={120} rows={45} noColor />);
    const frame = () => stripAnsi(app.lastFrame() ?? '');
    await waitFor(() => frame().includes('Lesson: Graceful stop vs crash'), 'the lesson line');
    await waitFor(() => frame().includes('Enter: next step'), 'waiting for Enter');
    expect(frame()).toContain('step 0/2');
    await press(app.stdin, KEY.enter);
    await waitFor(() => frame().includes('ReleaseOnCancel'), 'the first narration', 10_000);
    await waitFor(() => /✓ [1-9]/.test(frame()), 'a passed check', 15_000);
    // The second step asks a question (after Enter): the menu opens with the choices.
    await waitFor(() => frame().includes('Enter: next step'), 'waiting again', 15_000);
    await press(app.stdin, KEY.enter);
    await waitFor(() => frame().includes('Predict: Does a graceful stop'), 'the question', 10_000);
    await new Promise((res) => setTimeout(res, 150)); // the menu subscribes to keys after it is drawn
    // The number picks the choice directly (arrow + Enter can race the menu's key handler under load).
    await press(app.stdin, '2');
    await waitFor(() => frame().includes('Right'), 'the graded answer', 30_000).catch((e) => { console.log(frame().split('\n').slice(0, 8).join('\n')); throw e; });
    await waitFor(() => frame().includes('(finished)'), 'the end', 30_000);
    expect(frame()).not.toMatch(/✗ [1-9]/);
    app.unmount();
  }, 60_000);
});
