// The compact masters view (one line a master, used when the full form does not fit, e.g. 80x24)
// names each stacked master's etcd member state with ★ on the leader; in the external topology
// the etcd pane is one Tab away at 80x24.
import { describe, expect, it } from 'vitest';
import { mastersPane } from '../../source/ui/panes/masters.js';
import { clusterStatus } from '../../source/sim/etcd/index.js';
import { apply } from '../../source/sim/engine.js';
import { bootedSession, renderApp, press, KEY } from './helpers.js';

const text = (line: { t: string }[]) => line.map((x) => x.t).join('');

describe('compact masters view', () => {
  it('shows each stacked master its etcd member: ★ leader, follower, down', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const s = bootedSession(seed).state;
      const leader = clusterStatus(s).leader;
      expect(leader).not.toBeNull();
      const lines = mastersPane(s, null, 80, 4).map(text);
      for (const id of s.nodeOrder.filter((n) => s.nodes[n].kind === 'master')) {
        const line = lines.find((l) => l.includes(id)) ?? '';
        expect(line).toContain(id === leader ? 'etcd ★ leader' : 'etcd ● follower');
        expect([...line].length).toBeLessThanOrEqual(80);
      }
      const follower = s.nodeOrder.find((n) => s.nodes[n].kind === 'master' && n !== leader)!;
      const crashed = apply(s, { type: 'crash', target: follower });
      expect(mastersPane(crashed, null, 80, 4).map(text).find((l) => l.includes(follower))).toMatch(/etcd ✖ node down/);
    }
  });

  it('names no etcd member in the external topology, whose etcd pane Tab reaches at 80x24', async () => {
    const session = bootedSession(3, true, { topology: 'external' });
    expect(mastersPane(session.state, null, 80, 4).map(text).join('\n')).not.toContain('etcd');
    const app = renderApp({ session, cols: 80, rows: 24 });
    expect(app.frame()).toContain('Masters  (Tab: next pane 1/6)');
    for (let i = 0; i < 3; i++) await press(app.stdin, KEY.tab);
    const frame = app.frame();
    expect(frame).toContain('etcd  (Tab: next pane 4/6)');
    for (const id of ['etcd-1', 'etcd-2', 'etcd-3']) expect(frame).toContain(id);
    expect(frame.split('\n').length).toBeLessThanOrEqual(23);
    app.unmount();
  });
});
