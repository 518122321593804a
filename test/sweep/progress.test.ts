// The progress line: runs done of the total, the rate and the time left; drawn in place at most
// ten times a second (the clock is a parameter here, so nothing depends on real time) and erased.
import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { Progress, progressLine } from '../../source/sweep/progress.js';

describe('progress line', () => {
  it('shows a bar, runs done, the rate and the time left', () => {
    expect(progressLine(4200, 10_000, 2000)).toBe('[██████████░░░░░░░░░░░░░░] 4,200/10,000 runs · 2,100 runs/s · ETA 00:03');
    expect(progressLine(10_000, 10_000, 5000)).toMatch(/^\[█{24}\] 10,000\/10,000 runs · 2,000 runs\/s · ETA 00:00$/);
    expect(progressLine(0, 10, 0)).toContain('ETA --:--');
    expect(progressLine(1, 7201, 1000)).toContain('ETA 2:00:00');
  });

  it('redraws in place at most every 100 ms, always the last, and erases itself', () => {
    let text = '';
    const out = new Writable({ write(chunk, _e, cb) { text += chunk; cb(); } });
    let now = 0;
    const p = new Progress(out, () => now);
    now = 150; p.update(1, 10);
    now = 200; p.update(2, 10); // too soon: skipped
    now = 260; p.update(3, 10);
    now = 270; p.update(10, 10); // the last is always drawn
    p.clear();
    const draws = text.split('\r').filter((d) => d.includes('runs'));
    expect(draws.map((d) => /\] (\d+)\//.exec(d)![1])).toEqual(['1', '3', '10']);
    expect(text.endsWith('\r\x1b[K')).toBe(true);
  });
});
