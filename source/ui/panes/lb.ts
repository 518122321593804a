// Load-balancer pane: VIP, backends UP/DOWN with check counters, traffic share, errors, sparkline.
import type { State } from '../../sim/types.js';
import { lbView } from '../../sim/views.js';
import { type Line, seg, pad, padStart, bar, sparkline, flow } from '../lines.js';
import { look } from '../glyphs.js';
import { latencyPercentile } from '../../sim/request-stats.js';
import { clientConnectionsView } from '../../sim/client-connections.js';
import { inClusterView } from '../../sim/in-cluster-clients.js';
import { SLOW_MS } from '../../sim/config.js';

export function lbPane(s: State, selected: string | null, width: number): Line[] {
  const v = lbView(s);
  const out: Line[] = [];
  for (const n of v.nodes) {
    const sel = selected === n.id;
    const st = s.nodes[n.id]?.state ?? 'crashed';
    const l = st === 'up' ? (s.network.partitioned[n.id] ? { glyph: '⊘', word: 'partitioned', tone: 'warn' as const } : look('up')) : look(st);
    out.push([
      seg(sel ? '▶ ' : '  ', 'accent', { bold: true }),
      seg(pad(n.id, 6), 'plain', { bold: true, inverse: sel }),
      seg(` ${l.glyph} ${l.word}`, l.tone),
      seg(n.vip ? '  ◆ VIP' : '', 'accent', { bold: true }),
    ]);
  }
  const p99 = latencyPercentile(s, 0.99);
  const conns = clientConnectionsView(s);
  const inCluster = inClusterView(s);
  // Wraps rather than cuts: the slow and stuck figures are what a crash is about.
  out.push(...flow([
    seg(`  ${v.algorithm} · ${v.check}`, 'plain', { dim: true }),
    seg(` · ${v.okPerSec.toFixed(0)} ok/s · ${v.failedPerSec.toFixed(0)} err/s`, 'plain', { dim: true }),
    seg(p99 !== null && p99 > SLOW_MS ? ` · p99 ${p99 / 1000} s` : '', 'warn'),
    seg(conns.stuck ? ` · ${conns.stuck} kubelet${conns.stuck > 1 ? 's' : ''} stuck ${Math.floor((conns.longestStuckMs ?? 0) / 1000)} s` : '', 'warn'),
    // Pods that use the `kubernetes` Service bypass the LB: their failures are their own.
    seg(inCluster.failedPerSec > 0 ? ` · in-cluster ${inCluster.failedPerSec.toFixed(inCluster.failedPerSec < 10 ? 1 : 0)} err/s` : '', 'bad'),
  ], width));
  const bw = Math.max(4, Math.min(16, width - 46));
  for (const b of v.backends) {
    const l = look(b.status);
    const counter = b.status === 'UP' ? (b.checkFail ? `fail ${b.checkFail}/${s.config.knobs.fall}` : 'checks ok') : `rise ${b.checkOk}/${s.config.knobs.rise}`;
    out.push([
      seg(`  ${pad(b.id, 9)}`, 'plain'),
      seg(`${l.glyph} ${pad(l.word, 5)}`, l.tone, { bold: true }),
      seg(pad(counter, 11), b.checkFail ? 'warn' : 'plain', { dim: !b.checkFail }),
      seg(bar(b.share, bw), 'info'),
      seg(` ${padStart(String(Math.round(b.share * 100)), 3)}%`, 'plain'),
      seg(b.errorsPerSec > 0 ? ` ${b.errorsPerSec.toFixed(1)} err/s` : '', 'bad'),
      // A write waits a tick for its commit, so a healthy backend always holds a few: only more
      // than a second of its traffic means requests are piling up on it.
      seg(b.inflight > Math.max(1, s.traffic.rps * b.share) ? ` ${b.inflight} in flight` : '', 'warn'),
    ]);
  }
  const sw = Math.max(10, Math.min(60, width - 14));
  const errs = v.errorHistory;
  out.push([seg('  errors/s ', 'plain', { dim: true }), seg(sparkline(errs, sw), errs.slice(-sw).some((x) => x > 0) ? 'bad' : 'off')]);
  return out;
}
