// etcd pane: members, their Raft role, term and commit index, and the quorum bar.
import type { State } from '../../sim/types.js';
import { etcdView } from '../../sim/views.js';
import { type Line, seg, pad, padStart, bar } from '../lines.js';
import { look } from '../glyphs.js';

export function etcdPane(s: State, selected: string | null, width: number): Line[] {
  const v = etcdView(s);
  const out: Line[] = [];
  const tone = v.hasQuorum ? 'ok' : 'bad';
  const bw = Math.max(3, Math.min(v.voters * 2, 14));
  out.push([
    seg(`  ${bar(v.serving / Math.max(1, v.voters), bw)} `, tone),
    seg(`${v.serving} of ${v.voters} up, ${v.quorum} needed`, tone, { bold: true }),
    seg(v.hasQuorum ? `  ✔ quorum` : `  ✖ NO QUORUM`, tone, { bold: true }),
  ]);
  out.push([seg(`  leader ${v.leader ?? 'none'} · term ${v.term} · revision ${v.revision} · ${s.config.topology}`, 'plain', { dim: true })]);
  for (const m of v.members) {
    const sel = selected === m.id && s.nodes[m.id]?.kind === 'etcd';
    const l = m.role === 'down' ? look(s.nodes[m.host]?.state === 'up' ? 'stopped' : 'down') : look(m.role);
    const iso = m.isolated ? seg(' ⊘ partitioned', 'warn') : seg('');
    out.push([
      seg(sel ? '▶ ' : '  ', 'accent', { bold: true }),
      seg(pad(m.id, 10), 'plain', { bold: true, inverse: sel }),
      seg(pad(`${l.glyph} ${l.word}`, 15), l.tone, { bold: m.role === 'leader' }),
      seg(width >= 46 ? `term ${padStart(String(m.term), 3)}  commit ${padStart(String(m.commitIndex), 6)}` : `t${m.term}`, 'plain', { dim: true }),
      iso,
    ]);
  }
  return out;
}
