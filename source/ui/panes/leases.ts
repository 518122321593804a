// Leases pane: who holds kube-controller-manager and kube-scheduler, what the holder is really
// doing (renewing, failing to renew, exited), and when followers may take over.
import type { State } from '../../sim/types.js';
import { leaseView, LEASES } from '../../sim/views.js';
import { type Line, type Tone, seg, secs, bar, wrap } from '../lines.js';
import { leaseWords } from '../lease-words.js';

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
    const words = leaseWords(s, name);
    const say = (w: { text: string; tone: Tone }, bold = false) => {
      for (const l of wrap(w.text, Math.max(20, width - 6))) out.push([seg(`    ${l}`, w.tone, { bold })]);
    };
    say(words[0], words[0].tone === 'bad');
    if (v.holder && !v.holderAlive && v.expiresInMs !== null && v.expiresInMs > 0) {
      const total = v.leaseDurationSeconds * 1000;
      const bw = Math.max(5, Math.min(20, width - 44));
      out.push([
        seg('    expires in ', 'warn'),
        seg(`${secs(v.expiresInMs)} `, 'warn', { bold: true }),
        seg(bar(total ? v.expiresInMs / total : 0, bw), 'warn'),
        seg('  (followers\' clocks)', 'plain', { dim: true }),
      ]);
    } else if (words[1]) {
      say(words[1]);
    }
    if (v.leaders.length > 1) out.push([seg(`    ⚠ ${v.leaders.length} processes think they lead!`, 'bad', { bold: true })]);
  }
  return out;
}
