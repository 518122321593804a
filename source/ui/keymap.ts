// Every key of the dashboard as data: the keys as shown, what they do, when they apply, and the
// command they produce. Key dispatch (commandFor) and the help overlay both read this one table,
// so the two cannot drift.
import type { Key } from 'ink';
import type { Action } from '../sim/actions.js';
import type { State } from '../sim/types.js';
import { VIEW_KEYS } from './view-keys.js';
import { ITEM_KEYS } from './menu-model.js';

/** What the screen is showing: keys mean different things in a menu or the help. */
export type KeyMode = 'main' | 'menu' | 'help';

/** When a binding applies, as the help says it. */
export type KeyWhen = 'always' | 'main' | 'main, also in a menu' | 'node selected' | 'lesson waits' | 'lesson' | 'lesson, also in a menu' | 'menu' | 'help';

export interface KeyContext {
  mode: KeyMode;
  state: State;
  speed: number;
  selected: string | null;
  lessonWaits: boolean;
  /** A lesson is running: its own keys (n, Enter, b, r, Esc) come first. */
  inLesson?: boolean;
}

export type KeyCommand =
  | { kind: 'quit' }
  | { kind: 'help'; open: boolean }
  | { kind: 'select'; delta: 1 | -1 }
  | { kind: 'pane'; delta: 1 | -1 }
  | { kind: 'next-step' }
  | { kind: 'lesson-back' }
  | { kind: 'lesson-restart' }
  | { kind: 'lesson-leave' }
  | { kind: 'chapters' }
  | { kind: 'presenter' }
  | { kind: 'narration-scroll'; delta: 1 | -1 }
  | { kind: 'node-menu' }
  | { kind: 'cluster-menu' }
  | { kind: 'lessons' }
  | { kind: 'act'; action: Action }
  | { kind: 'menu-move'; delta: 1 | -1 }
  | { kind: 'menu-pick'; index: number }
  | { kind: 'menu-choose' }
  | { kind: 'menu-close' }
  /** A key of the timeline or the event log: the App passes it to viewKey (view-keys.ts). */
  | { kind: 'view' }
  | { kind: 'help-scroll'; delta: 1 | -1 };

export interface KeyBinding {
  /** The keys as the help shows them. */
  keys: string;
  description: string;
  when: KeyWhen;
  matches(input: string, key: Key): boolean;
  /** False for a key the help lists in another row (the lesson keys share one row). */
  help?: false;
  command(input: string, key: Key, ctx: KeyContext): KeyCommand;
}

const ch = (...chars: string[]) => (input: string) => chars.includes(input);
const up = (input: string, key: Key) => key.upArrow || input === 'k';
const down = (input: string, key: Key) => key.downArrow || input === 'j';
const act = (action: Action): KeyCommand => ({ kind: 'act', action });
const onSelected = (f: (id: string, s: State) => Action) => (_input: string, _key: Key, ctx: KeyContext): KeyCommand => act(f(ctx.selected as string, ctx.state));

export const KEYMAP: readonly KeyBinding[] = [
  { keys: '↑ ↓ j k', description: 'select a node', when: 'main', matches: (i, k) => up(i, k) || down(i, k), command: (i, k) => ({ kind: 'select', delta: up(i, k) ? -1 : 1 }) },
  { keys: 'n⏎ b r Esc', description: 'lesson: next step, back, restart, leave', when: 'lesson', matches: (i, k) => k.return || i === 'n', command: () => ({ kind: 'next-step' }) },
  { keys: 'b (lesson)', description: 'back to the start of the previous step', when: 'lesson, also in a menu', matches: ch('b'), help: false, command: () => ({ kind: 'lesson-back' }) },
  { keys: 'r (lesson)', description: 'restart the lesson', when: 'lesson, also in a menu', matches: ch('r'), help: false, command: () => ({ kind: 'lesson-restart' }) },
  { keys: 'PgUp / PgDn (lesson)', description: 'scroll a narration too long for the screen', when: 'lesson', matches: (_i, k) => k.pageUp || k.pageDown, help: false, command: (_i, k) => ({ kind: 'narration-scroll', delta: k.pageUp ? -1 : 1 }) },
  { keys: 'Esc (lesson)', description: 'leave the lesson for free play (asks first)', when: 'lesson', matches: (_i, k) => k.escape, help: false, command: () => ({ kind: 'lesson-leave' }) },
  { keys: 'g', description: 'lesson: go to a step (chapter list)', when: 'lesson', matches: ch('g'), command: () => ({ kind: 'chapters' }) },
  { keys: 'Enter or :', description: 'actions on the node', when: 'node selected', matches: (i, k) => k.return || i === ':', command: () => ({ kind: 'node-menu' }) },
  { keys: 'c', description: 'crash it (no goodbye)', when: 'node selected', matches: ch('c'), command: onSelected((target) => ({ type: 'crash', target })) },
  { keys: 's', description: 'stop it gracefully', when: 'node selected', matches: ch('s'), command: onSelected((target) => ({ type: 'stop', target })) },
  { keys: 'r', description: 'recover it', when: 'node selected', matches: ch('r'), command: onSelected((target) => ({ type: 'recover', target })) },
  { keys: 'p', description: 'partition it / heal it', when: 'node selected', matches: ch('p'), command: onSelected((target, s) => (s.network.partitioned[target] ? { type: 'heal-node', target } : { type: 'partition', target })) },
  { keys: 'x', description: 'heal all partitions, links', when: 'main', matches: ch('x'), command: () => act({ type: 'heal-all' }) },
  { keys: 't', description: 'etcd stacked ⇄ external', when: 'main', matches: ch('t'), command: (_i, _k, c) => act({ type: 'set-topology', topology: c.state.config.topology === 'stacked' ? 'external' : 'stacked' }) },
  { keys: 'm', description: 'cluster: masters, etcd, LB…', when: 'main', matches: ch('m'), command: () => ({ kind: 'cluster-menu' }) },
  { keys: 'space', description: 'pause / resume', when: 'main', matches: ch(' '), command: () => act({ type: 'toggle-pause' }) },
  { keys: '.', description: 'step 100 ms and pause', when: 'main', matches: ch('.'), command: () => act({ type: 'step', ticks: 1 }) },
  { keys: '+ = - _', description: 'speed ×2 / ÷2', when: 'main', matches: ch('+', '=', '-', '_'), command: (i, _k, c) => act({ type: 'speed', speed: i === '+' || i === '=' ? c.speed * 2 : c.speed / 2 }) },
  { keys: '[ ]', description: 'rewind / forward 5 s (acting in the past forks)', when: 'main', matches: ch('[', ']'), command: (i) => act(i === '[' ? { type: 'rewind', ms: 5000 } : { type: 'forward', ms: 5000 }) },
  { keys: 'Tab Shift+Tab', description: 'next / previous pane', when: 'main', matches: (_i, k) => k.tab, command: (_i, k) => ({ kind: 'pane', delta: k.shift ? -1 : 1 }) },
  ...VIEW_KEYS.map(([keys, description]): KeyBinding => ({ keys, description, when: 'main', matches: ch(keys), command: () => ({ kind: 'view' }) })),
  { keys: 'P', description: 'presenter mode on / off (projector layout)', when: 'main, also in a menu', matches: ch('P'), command: () => ({ kind: 'presenter' }) },
  { keys: 'l', description: 'lessons', when: 'main', matches: ch('l'), command: () => ({ kind: 'lessons' }) },
  { keys: '?', description: 'this help', when: 'main', matches: ch('?'), command: () => ({ kind: 'help', open: true }) },
  { keys: '↑ ↓ (menu)', description: 'move in a menu', when: 'menu', matches: (i, k) => up(i, k) || down(i, k), command: (i, k) => ({ kind: 'menu-move', delta: up(i, k) ? -1 : 1 }) },
  { keys: '1-9 a-z', description: 'choose that menu item', when: 'menu', matches: (i) => ITEM_KEYS.includes(i), command: (i) => ({ kind: 'menu-pick', index: ITEM_KEYS.indexOf(i) }) },
  { keys: 'Enter', description: 'choose the highlighted one', when: 'menu', matches: (_i, k) => k.return, command: () => ({ kind: 'menu-choose' }) },
  { keys: 'Esc', description: 'close the menu', when: 'menu', matches: (_i, k) => k.escape, command: () => ({ kind: 'menu-close' }) },
  { keys: '↑ ↓ (help)', description: 'scroll this help', when: 'help', matches: (i, k) => up(i, k) || down(i, k), command: (i, k) => ({ kind: 'help-scroll', delta: up(i, k) ? -1 : 1 }) },
  { keys: 'Esc ? q', description: 'close this help', when: 'help', matches: (i, k) => k.escape || i === '?' || i === 'q', command: () => ({ kind: 'help', open: false }) },
  { keys: 'q Ctrl+C', description: 'quit', when: 'main', matches: ch('q'), command: () => ({ kind: 'quit' }) },
];

const CTRL_C: KeyBinding = { keys: 'Ctrl+C', description: 'quit', when: 'always', matches: (i, k) => k.ctrl && i === 'c', command: () => ({ kind: 'quit' }) };

function applies(b: KeyBinding, ctx: KeyContext): boolean {
  switch (b.when) {
    case 'always': return true;
    case 'main': return ctx.mode === 'main';
    case 'main, also in a menu': return ctx.mode === 'main' || ctx.mode === 'menu';
    case 'menu': return ctx.mode === 'menu';
    case 'help': return ctx.mode === 'help';
    case 'lesson waits': return ctx.mode === 'main' && ctx.lessonWaits;
    case 'lesson': return ctx.mode === 'main' && ctx.inLesson === true;
    case 'lesson, also in a menu': return ctx.mode !== 'help' && ctx.inLesson === true;
    case 'node selected': return ctx.mode === 'main' && ctx.selected !== null && ctx.state.nodes[ctx.selected] !== undefined;
  }
}

/** The command a key produces now: the first binding that matches and applies, or null. */
export function commandFor(input: string, key: Key, ctx: KeyContext): KeyCommand | null {
  for (const b of [CTRL_C, ...KEYMAP]) {
    if (applies(b, ctx) && b.matches(input, key)) return b.command(input, key, ctx);
  }
  return null;
}

/** The help table: each binding's keys and what they do, in the keymap's order. */
export const KEYS: [string, string][] = KEYMAP.filter((b) => b.help !== false).map((b) => [b.keys, b.description]);

/** The binding that handles a key now (what commandFor used), for the keystroke overlay. */
export function bindingFor(input: string, key: Key, ctx: KeyContext): KeyBinding | null {
  for (const b of [CTRL_C, ...KEYMAP]) {
    if (applies(b, ctx) && b.matches(input, key)) return b;
  }
  return null;
}
