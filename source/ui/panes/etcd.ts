// etcd pane: members, their Raft role, term and commit index, and the quorum bar.
import type { State } from '../../sim/types.js';
import { etcdView } from '../../sim/views.js';
import { type Line, seg, pad, padStart, bar } from '../lines.js';
import { look } from '../glyphs.js';
import { etcdWords } from '../../sim/verdict-words.js';

/** The role column is as wide as the longest "glyph word" a member can show, plus a gap. */
const ROLE_W = 2 + Math.max(...['leader', 'follower', 'candidate', 'precandidate', 'stopped', 'down'].map((k) => [...`${look(k).glyph} ${look(k).word}`].length));

export function etcdPane(s: State, selected: string | null, width: number): Line[] {
  const v = etcdView(s);
  const out: Line[] = [];
  // Without a leader, say why in true words: electing (enough members up and in touch), members
  // cut off from each other, or too few up. Never "no quorum" while enough members are up.
  const words = etcdWords(s);
  const state = v.hasQuorum ? { text: '✔ quorum', tone: 'ok' as const }
    : v.serving < v.quorum ? { text: '✖ NO QUORUM', tone: 'bad' as const }
    : words.tone === 'warn' ? { text: '… electing, no leader yet', tone: 'warn' as const }
    : { text: '✖ no leader: too few reach each other', tone: 'bad' as const };
  const tone = state.tone;
  const bw = Math.max(3, Math.min(v.voters * 2, 14));
  out.push([
    seg(`  ${bar(v.serving / Math.max(1, v.voters), bw)} `, tone),
    seg(`${v.serving} of ${v.voters} up, ${v.quorum} needed`, tone, { bold: true }),
    seg(`  ${state.text}`, tone, { bold: true }),
  ]);
  out.push([seg(`  leader ${v.leader ?? 'none'} · term ${v.term} · revision ${v.revision} · ${s.config.topology}`, 'plain', { dim: true })]);
  const looks = v.members.map((m) => (m.role === 'down' ? look(s.nodes[m.host]?.state === 'up' ? 'stopped' : 'down') : look(m.role)));
  const idW = 1 + Math.max(9, ...v.members.map((m) => m.id.length));
  for (const [i, m] of v.members.entries()) {
    const sel = selected === m.id && s.nodes[m.id]?.kind === 'etcd';
    const l = looks[i];
    const iso = m.isolated ? seg(' ⊘ partitioned', 'warn') : seg('');
    out.push([
      seg(sel ? '▶ ' : '  ', 'accent', { bold: true }),
      seg(pad(m.id, idW), 'plain', { bold: true, inverse: sel }),
      seg(pad(`${l.glyph} ${l.word}`, ROLE_W), l.tone, { bold: m.role === 'leader' }),
      seg(width >= 2 + idW + ROLE_W + 24 ? `term ${padStart(String(m.term), 3)}  commit ${padStart(String(m.commitIndex), 6)}` : `term ${m.term}`, 'plain', { dim: true }),
      iso,
    ]);
  }
  return out;
}
