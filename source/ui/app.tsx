// The live dashboard: one Session in state, a timer that advances it at the chosen speed, panes
// drawn from the snapshot on screen, and keys that map to Actions.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Box, Text, useApp, useInput, useStdin, useStdout, type Key } from 'ink';
import { useSyncState } from './use-sync-state.js';
import { typedKeys } from './typed-keys.js';
import { terminalSize } from './terminal-size.js';
import SelectInput from 'ink-select-input';
import chalk from 'chalk';
import type { Session } from '../sim/session.js';
import { dispatch, isRewound } from '../sim/session.js';
import type { Action, SimAction } from '../sim/actions.js';
import { describeAction } from '../sim/actions.js';
import type { ComponentKind, State } from '../sim/types.js';
import type { Driver } from '../sim/driver.js';
import { verdict } from '../sim/views.js';
import { type Line, type Seg, type Tone, seg, clip, clock, pad, wrap } from './lines.js';
import { KEYS } from './keys.js';
import { mastersPane } from './panes/masters.js';
import { etcdPane } from './panes/etcd.js';
import { leasesPane } from './panes/leases.js';
import { lbPane } from './panes/lb.js';
import { workloadsPane } from './panes/workloads.js';
import { eventsPane } from './panes/events.js';
import { advanceDriven, type LessonLog } from './lesson-log.js';

export interface LessonChoice {
  name: string;
  title: string;
}

/** What an interactive lesson driver offers beyond the Driver protocol (see source/scenario). */
export interface InteractiveDriver extends Driver {
  advance(): void;
  answer(choice: number): void;
  view(): {
    title: string; step: number; total: number; say: string | null;
    question: { text: string; choices: string[]; answered: number | null } | null;
    waitingForEnter: boolean; done: boolean;
  };
}

export function isInteractive(d: Driver | null): d is InteractiveDriver {
  return !!d && typeof (d as Partial<InteractiveDriver>).view === 'function';
}

export interface StartedLesson {
  title: string;
  session: Session;
  driver: Driver;
}

export interface AppProps {
  session: Session;
  cols?: number;
  rows?: number;
  /** Advance the simulation on a timer (off for tests and headless recording). */
  autoTick?: boolean;
  /** Wall milliseconds per frame (default 100: 10 frames per second). */
  frameMs?: number;
  noColor?: boolean;
  /** A line of narration shown under the header (recordings, lessons). */
  caption?: string;
  /** The lessons the `l` menu offers (a function: read when the menu opens). */
  lessons?: LessonChoice[] | (() => LessonChoice[]);
  /** Loads a lesson; may take a moment (the scenario loader is loaded on first use). */
  startLesson?: (name: string) => StartedLesson | null | Promise<StartedLesson | null>;
  /** A driver already running (a lesson given on the command line). */
  driver?: Driver | null;
  driverTitle?: string;
  onQuit?: () => void;
}

type PaneId = 'masters' | 'etcd' | 'lb' | 'leases' | 'workloads' | 'events';
const PANE_TITLES: Record<PaneId, string> = {
  masters: 'Masters', etcd: 'etcd', lb: 'Load balancer', leases: 'Leases', workloads: 'Workloads', events: 'Events (newest first)',
};
const COMPACT_ORDER: PaneId[] = ['masters', 'leases', 'lb', 'etcd', 'workloads', 'events'];
/** Where each kind of node is drawn (and can be seen selected). */
const PANE_OF_KIND: Record<string, PaneId> = { master: 'masters', lb: 'lb', etcd: 'etcd', worker: 'workloads' };

interface MenuItem {
  label: string;
  value: string;
  action?: Action;
  submenu?: () => Menu;
  run?: () => void;
}
/** An open menu: which item is highlighted, and a serial that tells one opening from the next. */
interface OpenMenu {
  menu: Menu;
  index: number;
  serial: number;
}
interface Menu {
  title: string;
  items: MenuItem[];
}

/** The codes chalk would put around a text (nothing when chalk sees no colour support). */
function wrapperOf(style: (t: string) => string): [string, string] {
  const [open, close] = style('\u0000').split('\u0000');
  return [open ?? '', close ?? ''];
}
interface StyleCodes {
  level: number;
  tone: Record<Tone, [string, string] | null>;
  dim: [string, string];
  bold: [string, string];
  inverse: [string, string];
}
let codes: StyleCodes | null = null;
/** The codes for chalk's current colour level (a recording may change the level). */
function styleCodes(): StyleCodes {
  if (codes?.level === chalk.level) return codes;
  codes = {
    level: chalk.level,
    tone: {
      ok: wrapperOf(chalk.green), warn: wrapperOf(chalk.yellow), bad: wrapperOf(chalk.red), off: wrapperOf(chalk.gray),
      info: wrapperOf(chalk.cyan), accent: wrapperOf(chalk.magenta), plain: null,
    },
    dim: wrapperOf(chalk.dim),
    bold: wrapperOf(chalk.bold),
    inverse: wrapperOf(chalk.inverse),
  };
  return codes;
}

/**
 * One styled segment as terminal text (no colour at all when noColor). Segments are plain text,
 * so the codes chalk would add are put around it directly (chalk costs more per call).
 */
function styled(s: Seg, noColor: boolean): string {
  const c = styleCodes();
  let t = s.t;
  if (!noColor) {
    const tone = c.tone[s.tone ?? 'plain'];
    if (tone) t = tone[0] + t + tone[1];
    if (s.dim) t = c.dim[0] + t + c.dim[1];
  }
  if (s.bold) t = c.bold[0] + t + c.bold[1];
  if (s.inverse) t = c.inverse[0] + t + c.inverse[1];
  return t;
}

/**
 * A block of lines as ONE Text node: the lines are already cut to the width, so Ink has almost
 * no layout work to do (a node per segment cost ~3× more per frame).
 */
/** Drops trailing blanks (unstyled spaces cost Ink as much as text). */
function trimEnd(l: Line): Line {
  const out = l.slice();
  while (out.length) {
    const last = out[out.length - 1];
    const t = last.inverse ? last.t : last.t.replace(/\s+$/, '');
    if (t === last.t) break;
    if (t) {
      out[out.length - 1] = { ...last, t };
      break;
    }
    out.pop();
  }
  return out;
}

function Lines({ lines, width, noColor }: { lines: Line[]; width: number; noColor: boolean }) {
  const text = lines.map((l) => trimEnd(clip(l, width)).map((s) => styled(s, noColor)).join('') || ' ').join('\n');
  return (
    <Box width={width} flexShrink={0}>
      <Text wrap="truncate">{text}</Text>
    </Box>
  );
}

function title(name: string, width: number, focused = false): Line {
  const t = ` ${name} `;
  return [seg(focused ? '━━' : '──', 'accent'), seg(t, 'accent', { bold: true }), seg((focused ? '━' : '─').repeat(Math.max(0, width - t.length - 2)), 'accent', { dim: !focused })];
}

const nodeKindOf = (s: State, id: string | null) => (id ? s.nodes[id]?.kind : undefined);

function nodeMenu(s: State, id: string): Menu {
  const n = s.nodes[id];
  const items: MenuItem[] = [];
  const add = (a: SimAction) => items.push({ label: describeAction(a), value: `${items.length}`, action: a });
  if (n.state === 'up') {
    add({ type: 'crash', target: id });
    add({ type: 'stop', target: id });
  } else add({ type: 'recover', target: id });
  add(s.network.partitioned[id] ? { type: 'heal-node', target: id } : { type: 'partition', target: id });
  const peers = s.nodeOrder.filter((p) => p !== id);
  items.push({
    label: `cut a link ${id} ⇄ …`, value: `${items.length}`,
    submenu: () => ({ title: `Cut the link between ${id} and`, items: peers.map((p, i) => ({ label: p, value: `${i}`, action: { type: 'cut', from: id, to: p, both: true } as SimAction })) }),
  });
  items.push({
    label: `cut one direction ${id} → …`, value: `${items.length}`,
    submenu: () => ({ title: `Drop packets from ${id} to`, items: peers.map((p, i) => ({ label: p, value: `${i}`, action: { type: 'cut', from: id, to: p } as SimAction })) }),
  });
  const cutPeers = peers.filter((p) => s.network.cut[`${id}>${p}`] || s.network.cut[`${p}>${id}`]);
  if (cutPeers.length) {
    items.push({
      label: `heal a link of ${id} …`, value: `${items.length}`,
      submenu: () => ({ title: `Heal the link between ${id} and`, items: cutPeers.map((p, i) => ({ label: p, value: `${i}`, action: { type: 'heal', from: id, to: p, both: true } as SimAction })) }),
    });
  }
  if (n.kind === 'master' && n.state === 'up') {
    const m = s.masters[id];
    const comps: [ComponentKind, string][] = [['apiserver', m.apiserver.state], ['controller-manager', m.electors['controller-manager'].state], ['scheduler', m.electors.scheduler.state]];
    if (m.etcdMember) comps.push(['etcd', s.etcd.members[m.etcdMember]?.running ? 'running' : 'stopped']);
    for (const [c, st] of comps) {
      if (st === 'running') {
        add({ type: 'kill', target: id, component: c });
        add({ type: 'stop', target: id, component: c });
      } else add({ type: 'restart', target: id, component: c });
    }
  }
  if (n.kind === 'worker') {
    const pod = Object.values(s.workloads.pods).find((p) => p.node === id);
    if (pod) add({ type: 'delete-pod', pod: pod.name });
  }
  if (n.kind === 'master' && Object.keys(s.masters).length > 1) add({ type: 'remove-master', target: id });
  if (n.kind === 'etcd' && s.etcd.order.length > 1) add({ type: 'remove-etcd', target: id });
  return { title: `Actions on ${id}`, items };
}

function clusterMenu(s: State): Menu {
  const items: MenuItem[] = [];
  const add = (a: SimAction, label = describeAction(a)) => items.push({ label, value: `${items.length}`, action: a });
  add({ type: 'set-topology', topology: s.config.topology === 'stacked' ? 'external' : 'stacked' });
  add({ type: 'add-master' }, `add a master (now ${Object.keys(s.masters).length})`);
  add({ type: 'remove-master' }, 'remove the last master');
  if (s.config.topology === 'external') {
    add({ type: 'add-etcd' }, `add an etcd member (now ${s.etcd.order.length})`);
    add({ type: 'remove-etcd' }, 'remove the last etcd member');
  }
  for (const alg of ['roundrobin', 'leastconn', 'random'] as const) if (alg !== s.lb.algorithm) add({ type: 'set-lb-algorithm', algorithm: alg });
  add({ type: 'set-lb-check', check: s.config.knobs.lbCheck === 'readyz' ? 'tls' : 'readyz' });
  add({ type: 'set-rps', rps: Math.min(10_000, Math.max(1, s.traffic.rps * 2)) }, `request rate ×2 (now ${s.traffic.rps}/s)`);
  add({ type: 'set-rps', rps: Math.floor(s.traffic.rps / 2) }, 'request rate ÷2');
  add({ type: 'set-pre-vote', enabled: !s.config.knobs.preVote });
  add({ type: 'heal-all' });
  return { title: 'Cluster', items };
}

export function App(props: AppProps) {
  const { stdout } = useStdout();
  const { isRawModeSupported } = useStdin();
  const { exit } = useApp();
  const [session, setSession] = useState<Session>(props.session);
  const termSize = () => terminalSize(stdout);
  const [size, setSize] = useState(termSize);
  // What keys change is kept where the next key of the same read sees it (use-sync-state.ts).
  const [selected, setSelected, selectedRef] = useSyncState<string | null>(() => props.session.state.nodeOrder.find((id) => props.session.state.nodes[id].kind === 'master') ?? null);
  const [open, setOpen, openRef] = useSyncState<OpenMenu | null>(null);
  const menu = open?.menu ?? null;
  const setMenu = (m: Menu | null) => setOpen(m ? { menu: m, index: 0, serial: (openRef.current?.serial ?? 0) + 1 } : null);
  const [help, setHelp, helpRef] = useSyncState(false);
  const [pane, setPane] = useSyncState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const driverRef = useRef<Driver | null>(props.driver ?? null);
  const [lesson, setLesson] = useState<LessonLog | null>(props.driver ? { title: props.driverTitle ?? 'Lesson', say: [], markers: [], checks: [], done: false } : null);
  const noColor = props.noColor ?? (process.env.NO_COLOR ?? '') !== '';

  // A new session from outside (the recorder and tests render frames by passing sessions in):
  // adopt it during render, as React recommends for state derived from a prop.
  const [sessionProp, setSessionProp] = useState(props.session);
  if (props.session !== sessionProp) {
    setSessionProp(props.session);
    setSession(props.session);
  }

  useEffect(() => {
    if (props.cols !== undefined || props.rows !== undefined || !stdout) return;
    const onResize = () => setSize(termSize());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, props.cols, props.rows]);

  const frameMs = props.frameMs ?? 100;
  // Simulated time owed but not yet run (frames shorter than a tick add up).
  const owed = useRef(0);
  useEffect(() => {
    if (props.autoTick === false) return;
    const timer = setInterval(() => {
      setSession((s) => {
        if (s.paused || isRewound(s)) return s;
        const log = lessonRef.current;
        const tickMs = s.live.config.tickMs;
        owed.current += frameMs * s.speed;
        const ms = Math.floor(owed.current / tickMs) * tickMs;
        owed.current -= ms;
        if (ms === 0) return s;
        const next = advanceDriven(s, ms, driverRef.current, log);
        if (log) setLesson({ ...log });
        return next;
      });
    }, frameMs);
    return () => clearInterval(timer);
  }, [props.autoTick, frameMs]);
  const lessonRef = useRef<LessonLog | null>(lesson);
  lessonRef.current = lesson;

  const s = session.state;

  const act = (a: Action) => {
    setSession((cur) => dispatch(cur, a));
    if ('target' in a || a.type === 'heal-all' || a.type === 'set-topology') setNotice(describeAction(a));
  };
  const sessionRef = useRef(session);
  sessionRef.current = session;
  const propsRef = useRef(props);
  propsRef.current = props;
  const quit = () => {
    propsRef.current.onQuit?.();
    exit();
  };

  // The handler reads the latest state through refs, so every key of one read acts on what the
  // keys before it did; Ink gets one handler for the App's lifetime.
  const onKey = (input: string, key: Key) => {
    const s = sessionRef.current.state;
    const nodes = s.nodeOrder;
    const selected = selectedRef.current;
    if (key.ctrl && input === 'c') return quit();
    const openMenu = openRef.current;
    if (openMenu) return menuKey(openMenu, input, key);
    if (helpRef.current) {
      if (key.escape || input === '?' || input === 'q') setHelp(false);
      return;
    }
    if (input === 'q') return quit();
    if (input === '?') return setHelp(true);
    if (key.upArrow || input === 'k' || key.downArrow || input === 'j') {
      const up = key.upArrow || input === 'k';
      const i = selected ? nodes.indexOf(selected) : up ? 0 : -1;
      const next = nodes[(i + (up ? -1 : 1) + nodes.length) % nodes.length] ?? null;
      setSelected(next);
      // In the one-pane layout, show the pane where the selected node is drawn.
      const kind = nodeKindOf(s, next);
      if (kind) setPane(COMPACT_ORDER.indexOf(PANE_OF_KIND[kind]));
      return;
    }
    if (key.tab) return setPane((p) => (p + (key.shift ? COMPACT_ORDER.length - 1 : 1)) % COMPACT_ORDER.length);
    const d = driverRef.current;
    if (key.return && isInteractive(d) && d.view().waitingForEnter) {
      d.advance();
      setLesson((l) => (l ? { ...l } : l));
      return;
    }
    if ((key.return || input === ':') && selected && s.nodes[selected]) return setMenu(nodeMenu(s, selected));
    if (input === 'm') return setMenu(clusterMenu(s));
    if (input === 'l') {
      const given = propsRef.current.lessons ?? [];
      const list = typeof given === 'function' ? given() : given;
      return setMenu({
        title: list.length ? 'Lessons' : 'Lessons (none in this build)',
        items: list.length
          ? list.map((l, i) => ({ label: `${l.name}  ${l.title}`, value: `${i}`, run: () => startLesson(l.name) }))
          : [{ label: 'close', value: 'close' }],
      });
    }
    if (input === ' ') return act({ type: 'toggle-pause' });
    if (input === '.') return act({ type: 'step', ticks: 1 });
    if (input === '+' || input === '=') return act({ type: 'speed', speed: sessionRef.current.speed * 2 });
    if (input === '-' || input === '_') return act({ type: 'speed', speed: sessionRef.current.speed / 2 });
    if (input === '[') return act({ type: 'rewind', ms: 5000 });
    if (input === ']') return act({ type: 'forward', ms: 5000 });
    if (input === 't') return act({ type: 'set-topology', topology: s.config.topology === 'stacked' ? 'external' : 'stacked' });
    if (input === 'x') return act({ type: 'heal-all' });
    if (!selected || !s.nodes[selected]) return;
    if (input === 'c') return act({ type: 'crash', target: selected });
    if (input === 's') return act({ type: 'stop', target: selected });
    if (input === 'r') return act({ type: 'recover', target: selected });
    if (input === 'p') return act(s.network.partitioned[selected] ? { type: 'heal-node', target: selected } : { type: 'partition', target: selected });
  };
  /** Keys while a menu is open: move, pick by number, Enter chooses, Esc closes. */
  const menuKey = (m: OpenMenu, input: string, key: Key) => {
    const n = m.menu.items.length;
    if (key.escape) return setOpen(null);
    if (key.upArrow || input === 'k') return setOpen({ ...m, index: (m.index - 1 + n) % n });
    if (key.downArrow || input === 'j') return setOpen({ ...m, index: (m.index + 1) % n });
    if (/^[1-9]$/.test(input) && Number(input) <= n) return choose(m.menu.items[Number(input) - 1]);
    if (key.return) return choose(m.menu.items[m.index]);
  };
  const onKeyRef = useRef(onKey);
  onKeyRef.current = onKey;
  const stableOnKey = useCallback((input: string, key: Key) => {
    for (const [i, k] of typedKeys(input, key)) onKeyRef.current(i, k);
  }, []);
  useInput(stableOnKey, { isActive: isRawModeSupported === true });

  function startLesson(name: string) {
    void Promise.resolve(propsRef.current.startLesson?.(name) ?? null).then(
      (started) => (started ? beginLesson(started) : setNotice(`lesson ${name} is not available`)),
      () => setNotice(`lesson ${name} could not be loaded`),
    );
  }
  function beginLesson(started: StartedLesson) {
    driverRef.current = started.driver;
    setLesson({ title: started.title, say: [], markers: [], checks: [], done: false });
    setSession(started.session);
    setSelected(started.session.state.nodeOrder.find((id) => started.session.state.nodes[id].kind === 'master') ?? null);
  }

  // A lesson's prediction question opens as a menu before its fault runs.
  useEffect(() => {
    const d = driverRef.current;
    if (!isInteractive(d) || menu || help) return;
    const q = d.view().question;
    if (q && q.answered === null) {
      setMenu({
        title: `Predict: ${q.text}`,
        items: q.choices.map((c, i) => ({ label: c, value: `${i}`, run: () => d.answer(i) })),
      });
    }
  }, [session, lesson, menu, help]);

  function choose(it: MenuItem | undefined) {
    if (!it) return setMenu(null);
    if (it.submenu) return setMenu(it.submenu());
    setMenu(null);
    if (it.run) it.run();
    if (it.action) act(it.action);
  }

  // A size given by props wins at once (no intermediate frame at the old size).
  const cols = props.cols ?? size.cols;
  const rows = props.rows ?? size.rows;
  const frame = useMemo(
    () => layout({
      s, session, cols, rows, selected, pane, help, menuRows: menu ? Math.min(menu.items.length, 12) + 2 : 0, lesson,
      lessonView: isInteractive(driverRef.current) ? driverRef.current.view() : null, caption: props.caption, notice,
    }),
    [s, session, cols, rows, selected, pane, help, menu, lesson, props.caption, notice],
  );

  if (frame.tooSmall) {
    return <Text>{`Terminal too small (${cols}×${rows}): enlarge to at least 60×15. q quits.`}</Text>;
  }
  return (
    <Box flexDirection="column" width={cols}>
      <Lines lines={frame.top} width={cols} noColor={noColor} />
      {menu ? (
        <Box flexDirection="column" width={cols}>
          <Text bold color={noColor ? undefined : 'magenta'} wrap="truncate">{` ${menu.title}  (Enter choose · Esc close)`}</Text>
          {/* Drawn by SelectInput, driven by our keys (menuKey): unfocused, so it reads no keys. */}
          <SelectInput
            key={`${open!.serial}:${open!.index}`}
            items={menu.items.map((i, n) => ({ key: i.value, label: `${n < 9 ? n + 1 : ' '} ${i.label}`, value: i.value }))}
            initialIndex={open!.index}
            isFocused={false}
            limit={Math.max(3, Math.min(12, rows - frame.top.length - frame.bottom.length - 3))}
          />
        </Box>
      ) : null}
      <Box flexDirection="row" width={cols}>
        {frame.columns.map((col, i) => (
          <Lines key={i} lines={col.lines} width={col.width} noColor={noColor} />
        ))}
      </Box>
      <Lines lines={frame.bottom} width={cols} noColor={noColor} />
    </Box>
  );
}

interface LayoutIn {
  s: State;
  session: Session;
  cols: number;
  rows: number;
  selected: string | null;
  pane: number;
  help: boolean;
  menuRows: number;
  lesson: LessonLog | null;
  lessonView: ReturnType<InteractiveDriver['view']> | null;
  caption?: string;
  notice: string | null;
}

export interface Frame {
  top: Line[];
  columns: { width: number; lines: Line[] }[];
  bottom: Line[];
  tooSmall: boolean;
}

export const MIN_COLS = 60;
export const MIN_ROWS = 15;

/** Decides what fits: always at most rows - 1 lines and cols columns. */
export function layout(x: LayoutIn): Frame {
  const { s, session, cols, rows } = x;
  if (cols < MIN_COLS || rows < MIN_ROWS) return { top: [], columns: [], bottom: [], tooSmall: true };
  const budget = rows - 1;
  const v = verdict(s);
  const status = session.cursor !== null
    ? seg(` « REWOUND −${((session.live.t - s.t) / 1000).toFixed(0)}s `, 'warn', { bold: true, inverse: true })
    : session.paused ? seg(' ‖ PAUSED ', 'warn', { bold: true, inverse: true }) : seg(' ▶ live ', 'ok', { bold: true });
  const top: Line[] = [
    [
      seg(' kube-ha-lab ', 'accent', { bold: true, inverse: true }), seg(' '), seg(`t ${clock(s.t)}`, 'plain', { bold: true }),
      seg(`  ×${session.speed}  `), status,
      seg(session.forkedAt !== null ? `  ⑂ forked at ${clock(session.forkedAt)}` : '', 'warn'),
      seg(`  seed ${s.config.seed}  ${s.config.topology} etcd`, 'plain', { dim: true }),
    ],
    [
      seg(' '),
      seg(v.apiWrites ? '✔ API writes OK' : v.apiReachable ? '✖ API writes FAILING' : '✖ API UNREACHABLE', v.apiWrites ? 'ok' : 'bad', { bold: true }),
      seg('  ·  '),
      seg(`etcd quorum ${v.etcdQuorum.serving}/${v.etcdQuorum.voters}${v.etcdQuorum.hasQuorum ? '' : ' LOST'}`, v.etcdQuorum.hasQuorum ? (v.etcdQuorum.serving < v.etcdQuorum.voters ? 'warn' : 'ok') : 'bad', { bold: true }),
      seg('  ·  '),
      seg(`KCM ${v.kcmLeader ?? 'none'}`, v.kcmLeader ? 'ok' : 'bad', { bold: true }),
      seg('  ·  '),
      seg(`scheduler ${v.schedulerLeader ?? 'none'}`, v.schedulerLeader ? 'ok' : 'bad', { bold: true }),
    ],
  ];
  const view = x.lessonView;
  const captionText = x.caption ?? (view?.say ?? (x.lesson ? x.lesson.say[x.lesson.say.length - 1] : undefined));
  if (x.lesson) {
    const passed = x.lesson.checks.filter((c) => c.ok).length;
    const failed = x.lesson.checks.length - passed;
    top.push([
      seg(` ▣ Lesson: ${x.lesson.title}`, 'info', { bold: true }),
      seg(view ? `  step ${view.step}/${view.total}` : '', 'plain', { dim: true }),
      seg(`  ✓ ${passed}`, 'ok'), seg(failed ? `  ✗ ${failed}` : '', 'bad'),
      seg(view?.waitingForEnter ? '  ⏎ Enter: next step' : '', 'accent', { bold: true }),
      seg(x.lesson.done || view?.done ? '  (finished)' : '', 'plain', { dim: true }),
    ]);
    const last = x.lesson.checks[x.lesson.checks.length - 1];
    if (last) top.push([seg(`   ${last.ok ? '✓' : '✗'} ${last.expect}`, last.ok ? 'ok' : 'bad'), seg(last.ok ? '' : ` (saw ${last.actual})`, 'plain', { dim: true })]);
  }
  if (captionText) for (const l of wrap(captionText, cols - 4).slice(0, 3)) top.push([seg(`  ${l}`, 'info')]);
  const bottom: Line[] = [];
  const hint = x.notice ? [seg(` last: ${x.notice}`, 'plain', { dim: true })] : [];
  bottom.push([
    seg(' ?', 'accent', { bold: true }), seg(' help '), seg('↑↓', 'accent', { bold: true }), seg(' select '), seg('Enter', 'accent', { bold: true }), seg(' actions '),
    seg('c/s/r/p', 'accent', { bold: true }), seg(' crash/stop/recover/partition '), seg('space', 'accent', { bold: true }), seg(' pause '),
    seg('[ ]', 'accent', { bold: true }), seg(' rewind '), seg('m', 'accent', { bold: true }), seg(' cluster '), seg('q', 'accent', { bold: true }), seg(' quit'),
    ...hint,
  ]);
  const avail = budget - top.length - bottom.length - x.menuRows;
  if (x.help) {
    const lines: Line[] = [title('Keys', cols)];
    for (const [k, d] of KEYS) lines.push([seg(`  ${pad(k, 16)}`, 'accent', { bold: true }), seg(d)]);
    return { top, columns: [{ width: cols, lines: lines.slice(0, Math.max(0, avail)) }], bottom, tooSmall: false };
  }
  const paneLines = (id: PaneId, width: number, maxLines: number): Line[] => {
    switch (id) {
      case 'masters': return mastersPane(s, x.selected, width, maxLines);
      case 'etcd': return etcdPane(s, x.selected, width);
      case 'lb': return lbPane(s, x.selected, width);
      case 'leases': return leasesPane(s, width);
      case 'workloads': return workloadsPane(s, x.selected, width);
      case 'events': return eventsPane(s, width, maxLines, width >= 70);
    }
  };
  /** Stacks panes in a column of `height` lines; the events pane takes what is left. */
  const column = (ids: PaneId[], width: number, height: number): Line[] => {
    const out: Line[] = [];
    for (const [i, id] of ids.entries()) {
      const left = height - out.length;
      if (left <= 1) break;
      out.push(title(PANE_TITLES[id], width));
      // The masters pane leaves room for the panes under it (it turns compact when short).
      const budget = id === 'masters' ? Math.max(3, left - 1 - 6 * (ids.length - i - 1)) : left - 1;
      const body = paneLines(id, width, budget);
      out.push(...body.slice(0, left - 1));
    }
    return out.slice(0, height);
  };
  if (avail <= 2) return { top: top.slice(0, budget - bottom.length), columns: [], bottom, tooSmall: false };
  let columns: { width: number; lines: Line[] }[];
  if (cols >= 150) {
    const w1 = Math.floor(cols * 0.32);
    const w2 = Math.floor(cols * 0.34);
    const w3 = cols - w1 - w2;
    columns = [
      { width: w1, lines: column(['masters', 'etcd'], w1 - 1, avail) },
      { width: w2, lines: column(['leases', 'lb'], w2 - 1, avail) },
      { width: w3, lines: column(['workloads', 'events'], w3, avail) },
    ];
  } else if (cols >= 100) {
    const w1 = Math.floor(cols * 0.46);
    const w2 = cols - w1;
    columns = [
      { width: w1, lines: column(['masters', 'etcd', 'workloads'], w1 - 1, avail) },
      { width: w2, lines: column(['leases', 'lb', 'events'], w2, avail) },
    ];
  } else {
    const id = COMPACT_ORDER[x.pane % COMPACT_ORDER.length];
    const lines: Line[] = [];
    const tag = ` ${PANE_TITLES[id]}  (Tab: next pane ${(x.pane % COMPACT_ORDER.length) + 1}/${COMPACT_ORDER.length})`;
    lines.push(title(tag.trim(), cols, true));
    const body = paneLines(id, cols, id === 'masters' ? Math.max(3, avail - 6) : avail - 1);
    const bodyRows = id === 'events' ? avail - 1 : Math.min(body.length, Math.max(3, avail - 6));
    lines.push(...body.slice(0, bodyRows));
    if (id !== 'events' && avail - lines.length > 2) {
      lines.push(title(PANE_TITLES.events, cols));
      lines.push(...eventsPane(s, cols, avail - lines.length, false));
    }
    columns = [{ width: cols, lines: lines.slice(0, avail) }];
  }
  return { top, columns, bottom, tooSmall: false };
}
