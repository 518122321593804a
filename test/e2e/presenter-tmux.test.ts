// Presenter mode in a real 80x24 terminal (tmux, the built CLI): --present with a lesson shows the
// block-letter verdict and the boxed narration, g opens the chapter list and jumps to a step, the
// frame never passes the last row but one, the lesson keys still work, q gives the terminal back.
import { describe, expect, it, afterAll } from 'vitest';
import { CLI } from '../cli/run-cli.js';
import { tmuxSession } from './tmux-helpers.js';
import { blockLetters } from '../../source/ui/presenter/block-letters.js';

const term = tmuxSession(`kha-present-${process.pid}`);
const waitScreen = (pred: (s: string) => boolean, what: string) => term.waitScreen(pred, what, 20_000);
const clockOf = (s: string) => /t (\d\d:\d\d\.\d)/.exec(s)?.[1];
/** Rows with something on them, counted from the top: the frame's height. */
const used = (s: string) => s.replace(/\n+$/, '').split('\n').length;

afterAll(() => term.kill());

describe('--present in a real terminal', () => {
  it('80x24: a lesson in presenter mode, g jumps to step 3, b goes back, q quits', async () => {
    term.start(80, 24, `NODE_ENV=production node ${CLI} --scenario 03-active-standby-leases --present --speed 8; echo "EXITED rc=$?"; sleep 60`);
    let s = await waitScreen((x) => x.includes('n/Enter: next step') && x.includes('step 1/3'), 'step 1 held');
    expect(s).toContain('PRESENTER');
    for (const row of blockLetters('API OK')) expect(s).toContain(row.trimEnd());
    expect(s).toMatch(/┌─ +▣ Lesson: /);
    expect(used(s)).toBeLessThanOrEqual(23);
    term.keys('g');
    s = await waitScreen((x) => x.includes('Go to step'), 'the chapter list');
    expect(s).toMatch(/3 +step 3 +A pod is deleted/);
    term.keys('3');
    s = await waitScreen((x) => x.includes('step 3/3'), 'step 3 on screen');
    expect(clockOf(s)).toBe('00:12.0');
    expect(s).toContain('A pod is deleted while the lease');
    expect(s).toContain('━━ Workloads');
    expect(used(s)).toBeLessThanOrEqual(23);
    term.keys('b');
    s = await waitScreen((x) => x.includes('Predict: When can another controller-manager'), 'step 2 asked again after b');
    expect(clockOf(s)).toBe('00:10.0');
    expect(used(s)).toBeLessThanOrEqual(23);
    term.keys('2');
    s = await waitScreen((x) => x.includes(' Timeline ') && !x.includes('Predict:'), 'the answer taken, the strip back');
    term.keys('q');
    s = await waitScreen((x) => x.includes('EXITED rc='), 'the program to exit');
    expect(s).toContain('EXITED rc=0');
  }, 90_000);
});
