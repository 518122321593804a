// Masters pane: each control-plane node and its four components, with who leads what.
import type { State } from '../../sim/types.js';
import { mastersView, type ComponentView, type MasterView } from '../../sim/views.js';
import { type Line, seg, pad, lineWidth } from '../lines.js';
import { look } from '../glyphs.js';
import { electorWords, type Words } from '../lease-words.js';

function lookOf(c: ComponentView) {
  let key: string = c.state;
  if (c.kind === 'apiserver' && c.state === 'running') key = c.ready ? 'ready' : 'notready';
  if (c.kind === 'etcd' && c.state === 'running' && c.role) key = c.role === 'down' ? 'down' : c.role;
  return look(key);
}

/** Width of the state column: the longest "glyph word" any component can show, and a gap. */
const STATE_W = 2 + Math.max(...['running', 'ready', 'not ready', 'killed', 'stopped', 'restarting', 'node down', 'LEADER', 'follower', 'candidate', 'pre-candidate', 'down'].map((w) => w.length + 2));

function comp(c: ComponentView, label: string): Line {
  const l = lookOf(c);
  const lead = c.leading ? seg('★ LEADER ', 'accent', { bold: true }) : seg('');
  return [seg(`  ${pad(label, 10)}`, 'plain', { dim: true }), seg(pad(`${l.glyph} ${l.word}`, STATE_W), l.tone), lead];
}

/** A component line with what the process is really doing: in full, or short, where it fits whole. */
function withWords(line: Line, words: Words | null, width: number): Line {
  if (!words) return line;
  const room = width - lineWidth(line);
  const text = [words.text, words.short].find((t) => t !== undefined && [...t].length <= room);
  return text ? line.concat([seg(text, words.tone, { dim: words.tone !== 'bad' })]) : line;
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

/** A stacked master's etcd member in words at the end of its one-line form ("leader", "follower"), where it fits. */
function withMember(line: Line, m: MasterView, width: number): Line {
  if (m.etcd.state === 'absent') return line;
  const l = lookOf(m.etcd);
  const word = l.word === 'LEADER' ? 'leader' : l.word;
  return lineWidth(line) + word.length <= width ? [...line, seg(word, l.tone, { bold: l.glyph === '★' })] : line;
}

/** What each glyph of the one-line form means, in the order the legend lists them. */
const GLYPH_WORDS: [string, string][] = [
  ['●', 'ok'], ['◐', 'not ready'], ['○', 'stopped'], ['✖', 'down'], ['↻', 'restarting'], ['★', 'leads'],
  ['◆', 'candidate'], ['◇', 'pre-candidate'], ['⊘', 'isolated'], ['·', 'none'],
];

/** A legend of the glyphs the lines use (every one of them), wrapped to the width. */
export function legendFor(lines: Line[], width: number): Line[] {
  const used = new Set<string>();
  for (const l of lines) for (const sg of l) for (const ch of sg.t) used.add(ch);
  const items = GLYPH_WORDS.filter(([g]) => used.has(g)).map(([g, w]) => `${g} ${w}`);
  const out: Line[] = [];
  let cur = ' ';
  for (const it of items) {
    if (cur.length > 1 && cur.length + 1 + it.length > width) {
      out.push([seg(cur, 'plain', { dim: true })]);
      cur = ' ';
    }
    cur += ` ${it}`;
  }
  if (cur.length > 1) out.push([seg(cur, 'plain', { dim: true })]);
  return out;
}

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
    }).map((line, i) => withMember(line, masters[i], width));
    out.push(...legendFor(out, width).slice(0, Math.max(0, maxLines - out.length)));
    return out;
  }
  const out: Line[] = [];
  for (const m of masters) {
    const node = nodeLook(m, false);
    out.push([...nameSegs(m, selected, 10), seg(` ${node.glyph} ${node.word}`, node.tone)]);
    if (width >= 30) {
      const why = m.apiserver.detail ? { text: m.apiserver.detail, short: 'cannot reach etcd', tone: 'warn' as const } : null;
      out.push(withWords(comp(m.apiserver, 'apiserver'), why, width));
      out.push(withWords(comp(m.controllerManager, 'ctrl-mgr'), electorWords(s, m.id, 'controller-manager'), width));
      out.push(withWords(comp(m.scheduler, 'scheduler'), electorWords(s, m.id, 'scheduler'), width));
      if (m.etcd.state !== 'absent') out.push(comp(m.etcd, 'etcd'));
    }
  }
  return out;
}
