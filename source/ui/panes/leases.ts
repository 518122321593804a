// Leases pane: who holds kube-controller-manager and kube-scheduler, and when followers may take over.
import type { State } from '../../sim/types.js';
import { leaseView, LEASES } from '../../sim/views.js';
import { type Line, seg, secs, bar } from '../lines.js';

export function leasesPane(s: State, width: number): Line[] {
  const out: Line[] = [];
  for (const { name } of LEASES) {
    const v = leaseView(s, name);
    const short = name === 'kube-controller-manager' ? 'controller-manager' : 'scheduler';
    const holder = v.holder ? `${v.holderHost}` : '(none)';
    const tone = !v.holder ? 'warn' : v.holderAlive ? 'ok' : 'bad';
    out.push([seg(`  ${short}`, 'plain', { bold: true }), seg(`  ★ ${holder}`, tone, { bold: true }), seg(v.holder && width >= 56 ? `  ${v.holder}` : '', 'plain', { dim: true })]);
    const renew = v.sinceRenewMs === null ? '—' : secs(v.sinceRenewMs);
    out.push([seg(`    renewed ${renew} ago · transitions ${v.transitions} · lease ${v.leaseDurationSeconds}s`, 'plain', { dim: true })]);
    if (v.holder && !v.holderAlive && v.expiresInMs !== null) {
      const total = v.leaseDurationSeconds * 1000;
      const left = Math.max(0, v.expiresInMs);
      const bw = Math.max(5, Math.min(20, width - 44));
      out.push([
        seg('    expires in ', 'warn'),
        seg(`${secs(left)} `, 'warn', { bold: true }),
        seg(bar(total ? left / total : 0, bw), 'warn'),
        seg(left === 0 ? '  a follower takes it at its next retry (2–4.4 s)' : '  (followers\' clocks)', 'plain', { dim: true }),
      ]);
    } else if (!v.holder) {
      out.push([seg('    empty holder: the next retry takes it at once', 'warn')]);
    } else {
      out.push([seg(`    holder alive, renewing every ${s.config.knobs.retryPeriodMs / 1000}s`, 'ok', { dim: true })]);
    }
    if (v.leaders.length > 1) out.push([seg(`    ⚠ ${v.leaders.length} processes think they lead!`, 'bad', { bold: true })]);
  }
  return out;
}
