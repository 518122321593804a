// Masters pane: each control-plane node and its four components, with who leads what.
import type { State } from '../../sim/types.js';
import { mastersView, type ComponentView } from '../../sim/views.js';
import { type Line, seg, pad } from '../lines.js';
import { look } from '../glyphs.js';

function comp(c: ComponentView, label: string, w: number): Line {
  let key: string = c.state;
  if (c.kind === 'apiserver' && c.state === 'running') key = c.ready ? 'ready' : 'notready';
  if (c.kind === 'etcd' && c.state === 'running' && c.role) key = c.role === 'down' ? 'down' : c.role;
  const l = look(key);
  const lead = c.leading ? seg(' ★ LEADER', 'accent', { bold: true }) : seg('');
  return [seg(`  ${pad(label, 10)}`, 'plain', { dim: true }), seg(pad(`${l.glyph} ${l.word}`, w), l.tone), lead];
}

export function mastersPane(s: State, selected: string | null, width: number): Line[] {
  const out: Line[] = [];
  for (const m of mastersView(s)) {
    const node = m.node === 'up' ? (m.isolated ? { glyph: '⊘', word: 'partitioned', tone: 'warn' as const } : look('up')) : look(m.node);
    const sel = selected === m.id;
    out.push([seg(sel ? '▶ ' : '  ', 'accent', { bold: true }), seg(pad(m.id, 10), 'plain', { bold: true, inverse: sel }), seg(` ${node.glyph} ${node.word}`, node.tone)]);
    if (width >= 30) {
      out.push(comp(m.apiserver, 'apiserver', 12).concat(m.apiserver.detail && width >= 60 ? [seg(` ${m.apiserver.detail}`, 'warn', { dim: true })] : []));
      out.push(comp(m.controllerManager, 'ctrl-mgr', 12));
      out.push(comp(m.scheduler, 'scheduler', 12));
      if (m.etcd.state !== 'absent') out.push(comp(m.etcd, 'etcd', 12));
    }
  }
  return out;
}
