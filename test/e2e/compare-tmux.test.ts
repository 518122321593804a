// The live A/B comparison in a real terminal (tmux, the built CLI): at 80x24 both verdicts and
// both timelines fit; a crash key reaches both clusters and the ledger difference appears; at
// 160x48 Tab shows the other side's panes and the header says which; q gives the terminal back.
import { describe, expect, it, afterAll } from 'vitest';
import { CLI } from '../cli/run-cli.js';
import { tmuxSession } from './tmux-helpers.js';

const term = tmuxSession(`kha-cmp-${process.pid}`);
const waitScreen = (pred: (s: string) => boolean, what: string) => term.waitScreen(pred, what, 20_000);
const start = (cols: number, rows: number, args: string) =>
  term.start(cols, rows, `NODE_ENV=production node ${CLI} ${args}; echo "EXITED rc=$?"; sleep 60`);

afterAll(() => term.kill());

describe('--compare in a real terminal', () => {
  it('80x24: both verdicts and timelines, a crash on both, the difference line, q quits', async () => {
    start(80, 24, '--seed 7 --speed 8 --compare topology=external');
    let s = await waitScreen((x) => (x.match(/^ time +\|00:00/gm) ?? []).length === 2 && /API OK/.test(x), 'both clusters up');
    const lines = s.split('\n');
    expect(lines.filter((l) => /^ (A stacked|B external) +[✔▲✖…] /.test(l))).toHaveLength(2);
    expect(s).toMatch(/showing A stacked/);
    term.keys('c');
    s = await waitScreen((x) => /◆ crash master-1 at [\d:.]+ → external: .* vs stacked/.test(x.replace(/\n +/g, ' ')), 'the difference line');
    expect(s).not.toMatch(/only (stacked|external) has a record/);
    expect(s).toMatch(/last, on both: crash master-1|▼/);
    term.keys('q');
    s = await waitScreen((x) => x.includes('EXITED rc='), 'the program to exit');
    expect(s).toContain('EXITED rc=0');
  }, 60_000);

  it('160x48: Tab shows the other cluster\'s panes and the header names it', async () => {
    start(160, 48, '--seed 7 --compare topology=external');
    let s = await waitScreen((x) => x.includes('A stacked: panes'), 'side A\'s panes');
    expect(s).toMatch(/showing A stacked/);
    term.keys('Tab');
    s = await waitScreen((x) => x.includes('B external: panes'), 'side B\'s panes');
    expect(s).toMatch(/showing B external/);
    expect(s).toMatch(/etcd-1 /);
    term.keys('q');
    s = await waitScreen((x) => x.includes('EXITED rc='), 'the program to exit');
    expect(s).toContain('EXITED rc=0');
  }, 60_000);
});
