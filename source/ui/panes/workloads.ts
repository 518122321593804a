// Workloads pane: the Deployment's pods, and why nothing is reconciled when that is the case.
import type { State } from '../../sim/types.js';
import { workloadsView } from '../../sim/views.js';
import { type Line, seg, pad, wrap } from '../lines.js';
import { look } from '../glyphs.js';

export function workloadsPane(s: State, selected: string | null, width: number): Line[] {
  const v = workloadsView(s);
  const out: Line[] = [];
  const tone = v.runningReachable === v.desired && v.pending === 0 ? 'ok' : 'warn';
  out.push([
    seg(`  deployment/${v.deployment}  `, 'plain', { bold: true }), seg(`${v.runningReachable}/${v.desired} running`, tone, { bold: true }),
    seg(v.pending ? `  ${v.pending} pending` : '', 'warn'), seg(v.terminating ? `  ${v.terminating} terminating` : '', 'warn'),
  ]);
  if (v.onUnreachableNodes) out.push([seg(`  ${v.onUnreachableNodes} more shown Running on a node that is down or cut off (the API does not know yet)`, 'warn')]);
  if (v.terminating) out.push([seg(`  ${v.terminating} evicted pod(s) stay Terminating until their node returns`, 'plain', { dim: true })]);
  if (v.zone !== 'normal') out.push([seg(`  zone ${v.zone === 'full' ? 'fully disrupted: master disruption mode, no evictions' : 'partially disrupted: evictions slowed or stopped'}`, 'bad')]);
  if (v.stalledReason) for (const l of wrap(`⚠ ${v.stalledReason}`, Math.max(20, width - 4))) out.push([seg(`  ${l}`, 'warn')]);
  const workers = s.nodeOrder.filter((id) => s.nodes[id].kind === 'worker');
  const pods: Record<string, number> = {};
  for (const p of Object.values(s.workloads.pods)) if (p.node) pods[p.node] = (pods[p.node] ?? 0) + 1;
  for (const w of workers) {
    const sel = selected === w;
    const st = s.nodes[w].state;
    const l = st === 'up' ? (s.network.partitioned[w] ? { glyph: '⊘', word: 'partitioned', tone: 'warn' as const } : look('up')) : look(st);
    const nr = s.workloads.notReadySince[w] !== undefined ? seg('  NotReady', 'bad', { bold: true }) : seg('');
    out.push([seg(sel ? '▶ ' : '  ', 'accent', { bold: true }), seg(pad(w, 10), 'plain', { bold: true, inverse: sel }), seg(pad(` ${l.glyph} ${l.word}`, 14), l.tone), seg(`${pods[w] ?? 0} pods`, 'plain', { dim: true }), nr]);
  }
  return out;
}
