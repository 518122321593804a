// The dashboard header's verdict line: what clients experience first (the simulation's verdict),
// then etcd, the controller-manager and the scheduler in true words. The NDJSON snapshot prints
// the same verdict words (source/sim/verdict-words.ts).
import type { State } from '../sim/types.js';
import type { Line, Tone } from './lines.js';
import { seg } from './lines.js';
import { etcdWords, verdictText } from '../sim/verdict-words.js';
import { leaseView } from '../sim/views.js';

export const API_LOOK: Record<State['verdict']['api'], { glyph: string; tone: Tone }> = {
  OK: { glyph: '✔', tone: 'ok' },
  DEGRADED: { glyph: '▲', tone: 'warn' },
  DOWN: { glyph: '✖', tone: 'bad' },
  STARTING: { glyph: '…', tone: 'info' },
};

export function verdictLine(s: State): Line {
  const look = API_LOOK[s.verdict.api];
  const etcd = etcdWords(s);
  const kcm = leaseView(s, 'kube-controller-manager');
  const sch = leaseView(s, 'kube-scheduler');
  const kcmLeader = kcm.holderAlive ? kcm.holderHost : null;
  const schLeader = sch.holderAlive ? sch.holderHost : null;
  return [
    seg(' '),
    seg(`${look.glyph} ${verdictText(s.verdict)}`, look.tone, { bold: true }),
    seg('  ·  '),
    seg(etcd.text, etcd.tone, { bold: true }),
    seg('  ·  '),
    seg(`KCM ${kcmLeader ?? 'none'}`, kcmLeader ? 'ok' : 'bad', { bold: true }),
    seg('  ·  '),
    seg(`scheduler ${schLeader ?? 'none'}`, schLeader ? 'ok' : 'bad', { bold: true }),
  ];
}
