// The dashboard header's verdict line: what clients experience first (the simulation's verdict),
// then etcd, the controller-manager and the scheduler in true words. The NDJSON snapshot prints
// the same verdict words (source/sim/verdict-words.ts).
import type { State } from '../sim/types.js';
import type { Line, Tone } from './lines.js';
import { seg, secs, lineWidth } from './lines.js';
import { etcdWords, verdictText } from '../sim/verdict-words.js';
import { leaseView, type LeaseView } from '../sim/views.js';

export const API_LOOK: Record<State['verdict']['api'], { glyph: string; tone: Tone }> = {
  OK: { glyph: '✔', tone: 'ok' },
  DEGRADED: { glyph: '▲', tone: 'warn' },
  DOWN: { glyph: '✖', tone: 'bad' },
  STARTING: { glyph: '…', tone: 'info' },
};

/** The header line; at `width` columns the lease countdowns are left out first when all does not fit. */
export function verdictLine(s: State, width = Infinity): Line {
  const full = verdictSegs(s, true);
  return lineWidth(full) <= width ? full : verdictSegs(s, false);
}

function verdictSegs(s: State, why: boolean): Line {
  const look = API_LOOK[s.verdict.api];
  const etcd = etcdWords(s);
  const kcm = leaseView(s, 'kube-controller-manager');
  const sch = leaseView(s, 'kube-scheduler');
  return [
    seg(' '),
    seg(`${look.glyph} ${verdictText(s.verdict)}`, look.tone, { bold: true }),
    seg('  ·  '),
    seg(etcd.text, etcd.tone, { bold: true }),
    seg('  ·  '),
    ...leaderSegs('KCM', kcm, why),
    seg('  ·  '),
    ...leaderSegs('scheduler', sch, why),
  ];
}

/** "KCM master-2", or "KCM none" with why: a dead holder's lease still running out on the
 *  followers' clocks (the leases pane shows the same countdown), or candidates racing for it. */
function leaderSegs(label: string, v: LeaseView, why: boolean): Line {
  if (v.holderAlive && v.holderHost) return [seg(`${label} ${v.holderHost}`, 'ok', { bold: true })];
  const out: Line = [seg(`${label} none`, 'bad', { bold: true })];
  if (why && v.holderHost && v.expiresInMs !== null && v.expiresInMs > 0) {
    out.push(seg(` (${v.holderHost}'s lease expires in ${secs(v.expiresInMs)})`, 'warn'));
  }
  return out;
}
