// Masters pane: each control-plane node and its four components, with who leads what.
import type { State } from '../../sim/types.js';
import { mastersView, type ComponentView, type MasterView } from '../../sim/views.js';
import { type Line, seg, pad } from '../lines.js';
import { look } from '../glyphs.js';

function lookOf(c: ComponentView) {
  let key: string = c.state;
  if (c.kind === 'apiserver' && c.state === 'running') key = c.ready ? 'ready' : 'notready';
  if (c.kind === 'etcd' && c.state === 'running' && c.role) key = c.role === 'down' ? 'down' : c.role;
  return look(key);
}

function comp(c: ComponentView, label: string, w: number): Line {
  const l = lookOf(c);
  const lead = c.leading ? seg(' ★ LEADER', 'accent', { bold: true }) : seg('');
  return [seg(`  ${pad(label, 10)}`, 'plain', { dim: true }), seg(pad(`${l.glyph} ${l.word}`, w), l.tone), lead];
}

/** A master's node state; a partitioned node says so (`isolated` where the line is short). */
function nodeLook(m: MasterView, compact: boolean) {
  if (m.node !== 'up') return look(m.node);
  return m.isolated ? { glyph: '⊘', word: compact ? 'isolated' : 'partitioned', tone: 'warn' as const } : look('up');
}

/** The selection mark and the master's name. */
function nameSegs(m: MasterView, selected: string | null, width: number): Line {
  const sel = selected === m.id;
  return [seg(sel ? '▶ ' : '  ', 'accent', { bold: true }), seg(pad(m.id, width), 'plain', { bold: true, inverse: sel })];
}

/** One component in a compact line: short name, glyph, ★ when it leads. */
function tiny(c: ComponentView, label: string): Line {
  const l = lookOf(c);
  return [seg(` ${label} `, 'plain', { dim: true }), seg(l.glyph, l.tone), seg(c.leading && l.glyph !== '★' ? '★' : ' ', 'accent', { bold: true })];
}

const LEGEND: Line = [seg('  ● ok ◐ unready ○ stopped ✖ down ↻ restart ★ leads', 'plain', { dim: true })];

/**
 * Each master and its components. Five lines a master when `maxLines` allows; otherwise one line
 * a master (glyphs, ★ for leaders) and a legend, so every master stays on screen in a short
 * terminal or with many masters.
 */
export function mastersPane(s: State, selected: string | null, width: number, maxLines = Infinity): Line[] {
  const masters = mastersView(s);
  const full = masters.reduce((n, m) => n + (width >= 30 ? (m.etcd.state !== 'absent' ? 5 : 4) : 1), 0);
  if (full > maxLines && width >= 50) {
    const out: Line[] = masters.map((m) => {
      const node = nodeLook(m, true);
      return [
        ...nameSegs(m, selected, 9), seg(` ${node.glyph} ${pad(node.word, 8)}`, node.tone),
        ...tiny(m.apiserver, 'api'), ...tiny(m.controllerManager, 'kcm'), ...tiny(m.scheduler, 'sch'),
        ...(m.etcd.state !== 'absent' ? tiny(m.etcd, 'etcd') : []),
      ];
    });
    if (out.length < maxLines) out.push(LEGEND);
    return out;
  }
  const out: Line[] = [];
  for (const m of masters) {
    const node = nodeLook(m, false);
    out.push([...nameSegs(m, selected, 10), seg(` ${node.glyph} ${node.word}`, node.tone)]);
    if (width >= 30) {
      out.push(comp(m.apiserver, 'apiserver', 12).concat(m.apiserver.detail && width >= 60 ? [seg(` ${m.apiserver.detail}`, 'warn', { dim: true })] : []));
      out.push(comp(m.controllerManager, 'ctrl-mgr', 12));
      out.push(comp(m.scheduler, 'scheduler', 12));
      if (m.etcd.state !== 'absent') out.push(comp(m.etcd, 'etcd', 12));
    }
  }
  return out;
}
