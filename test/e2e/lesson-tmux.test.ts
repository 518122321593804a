// Two whole lessons driven by keys in a real 80x24 terminal (tmux): the prediction is asked before
// the fault with the clock held, the grade shows with the next narration, b goes back, Esc leaves,
// and a lesson ends on its summary.
import { describe, expect, it, afterAll } from 'vitest';
import { CLI } from '../cli/run-cli.js';
import { sleep, tmuxSession } from './tmux-helpers.js';

const t = tmuxSession(`kha-lesson-${process.pid}`);
const { screen, keys } = t;
const clockOf = (s: string) => /t (\d\d:\d\d\.\d)/.exec(s)?.[1];
const waitScreen = (pred: (s: string) => boolean, what: string, ms = 20_000) => t.waitScreen(pred, what, ms);
const start = (lesson: string) => t.start(80, 24, `NODE_ENV=production node ${CLI} --scenario ${lesson} --speed 8; sleep 60`);

afterAll(() => t.kill());

describe('a lesson by keys at 80x24', () => {
  it('lesson 01: asks before the crash with the clock held, grades with the next narration, b back, Esc leaves', async () => {
    start('01-why-a-load-balancer');
    let s = await waitScreen((x) => x.includes('n/Enter: next step') && x.includes('Load balancer'), 'the first narration, on its focused pane');
    expect(s).toContain('step 1/4');
    expect(s).toContain('lesson waits');
    expect(s).toContain('Load balancer'); // the step's focus at a compact size
    keys('n');
    s = await waitScreen((x) => x.includes('Predict: How long until the LB stops'), 'the question');
    expect(s).toContain('about to crash');
    const held = clockOf(s);
    expect(held).toBe('00:08.0');
    await sleep(700);
    s = screen();
    expect(clockOf(s)).toBe(held);
    expect(s).not.toMatch(/master-1 +▼ DOWN/);
    keys('3');
    s = await waitScreen((x) => x.includes('✓ Right') && x.includes('step 3/4'), 'the grade with the next narration', 30_000);
    expect(s).toContain('New requests now go only to master-2 and master-3');
    expect(s).toContain('✓ Right: About 10-12 seconds');
    keys('b');
    s = await waitScreen((x) => x.includes('Predict: How long until the LB stops'), 'the question again after b');
    expect(clockOf(s)).toBe('00:08.0');
    keys('3');
    await waitScreen((x) => x.includes('next step in'), 'the countdown to the next step');
    keys('Escape');
    await waitScreen((x) => x.includes('Leave the lesson for free play?'), 'the confirmation');
    keys('2');
    s = await waitScreen((x) => !x.includes('Lesson:') && x.includes('crash/stop/recover'), 'free play: the usual keys');
    // Free play: the clock runs on by itself.
    const left = clockOf(s);
    await sleep(700);
    expect(clockOf(screen())).not.toBe(left);
  }, 90_000);

  it('lesson 09: to the end, a summary with the prediction, the checks and the fault it made', async () => {
    start('09-lb-single-point-of-failure');
    await waitScreen((x) => x.includes('n/Enter: next step'), 'the first narration');
    keys('n');
    await waitScreen((x) => x.includes('Predict: How long until the VIP moves'), 'the question');
    keys('2');
    // Each step holds after its action; n moves on. Wait for the step's own counter before pressing
    // n, so a key never lands on the screen of the step before.
    for (const step of [3, 4]) {
      await waitScreen((x) => x.includes(`step ${step}/4`) && x.includes('n/Enter: next step'), `step ${step}`, 30_000);
      keys('n');
    }
    const s = await waitScreen((x) => x.includes('Lesson finished'), 'the summary', 30_000);
    expect(s).toContain('Predictions: 1 of 1 right');
    expect(s).toMatch(/Checks: \d+ of \d+ passed/);
    expect(s).toMatch(/00:05\.0 crash lb-1: /);
    for (const line of s.split('\n')) expect([...line.trimEnd()].length).toBeLessThanOrEqual(80);
  }, 90_000);
});
