// The live dashboard: one Session in state, a timer that advances it at the chosen speed, panes
// drawn from the snapshot on screen, and keys that map to Actions.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Box, Text, useApp, useStdout, type Key } from 'ink';
import { useSyncState } from './use-sync-state.js';
import { useTypedKeys } from './use-typed-keys.js';
import { useTerminalSize } from './use-terminal-size.js';
import { useSimClock } from './use-sim-clock.js';
import type { Session } from '../sim/session.js';
import { dispatch } from '../sim/session.js';
import type { Action } from '../sim/actions.js';
import { describeAction } from '../sim/actions.js';
import type { Driver } from '../sim/driver.js';
import { bindingFor, commandFor, type KeyContext } from './keymap.js';
import { KEY_ECHO_MS, keyEchoText } from './key-echo.js';
import { clusterMenu, lessonsMenu, nodeMenu, type Menu, type MenuStep, type OpenMenu, menuStep, openedMenu } from './menus.js';
import { COMPACT_ORDER, PANE_OF_KIND, layout } from './layout.js';
import { Lines } from './lines-view.js';
import { NO_VIEWS, viewKey, type ViewsState } from './view-keys.js';
import { ViewsOverlay, overlayOpen } from './views-overlay.js';
import { TimelineStrip } from './timeline/view.js';
import { MenuBox } from './menu-view.js';
import { menuRowsFor } from './menu-rows.js';
import { tooSmallKey } from './too-small.js';
import { backTarget, lessonStart, restoreStart, type StepStart } from './lesson-history.js';
import { chapterMenu, jumpToStep, lessonBoot } from './lesson-jump.js';
import { stepOnScreen } from './lesson-header.js';
import { presenterLayout } from './presenter/presenter-layout.js';
import { leaveLessonMenu } from './lesson-menus.js';
import { compactPaneOf } from './lesson-focus.js';
import { isInteractive, type InteractiveDriver, type LessonChoice, type LessonLog, type StartedLesson } from './lesson-log.js';

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
  /** The keystroke overlay: each key and what it did, in the footer for a moment (recordings). */
  showKeys?: boolean;
  /** Start the lesson given in `driver` at this step (--step N), as its chapter list (g) jumps. */
  startStep?: number;
  /** Presenter mode from the start (--present); key P toggles it. */
  present?: boolean;
}

export function App(props: AppProps) {
  const { stdout } = useStdout();
  const { exit } = useApp();
  // A lesson given a start step opens there (lesson-jump.ts); its step starts are kept for b and r.
  const [boot] = useState(() => lessonBoot(props.session, props.driver ?? null, props.startStep));
  const [session, setSession] = useState<Session>(boot.session);
  const [presenter, setPresenter] = useSyncState(props.present ?? false);
  const size = useTerminalSize(stdout, props.cols !== undefined || props.rows !== undefined);
  // What keys change is kept where the next key of the same read sees it (use-sync-state.ts).
  const [selected, setSelected, selectedRef] = useSyncState<string | null>(() => props.session.state.nodeOrder.find((id) => props.session.state.nodes[id].kind === 'master') ?? null);
  const [open, setOpen, openRef] = useSyncState<OpenMenu | null>(null);
  const menu = open?.menu ?? null;
  const setMenu = (m: Menu | null) => setOpen(openedMenu(openRef.current, m));
  const [help, setHelp, helpRef] = useSyncState(false);
  const [pane, setPane] = useSyncState(0);
  const [views, setViews, viewsRef] = useSyncState<ViewsState>(NO_VIEWS);
  const [helpOffset, setHelpOffset] = useSyncState(0);
  // The "too small" screen takes no key but q (keys would act on a cluster no one can see).
  const tooSmallRef = useRef(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [keyEcho, setKeyEcho] = useState<string | null>(null);
  const keyEchoTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => {
    if (keyEchoTimer.current) clearTimeout(keyEchoTimer.current);
  }, []);
  const [narrationScroll, setNarrationScroll] = useSyncState(0);
  const driverRef = useRef<Driver | null>(props.driver ?? null);
  const [lesson, setLesson] = useState<LessonLog | null>(props.driver ? { title: props.driverTitle ?? 'Lesson', say: [], markers: [], checks: isInteractive(props.driver) ? props.driver.view().checks : [], done: false } : null);
  const startsRef = useRef<StepStart[]>(boot.starts);
  const noColor = props.noColor ?? (process.env.NO_COLOR ?? '') !== '';

  // A new session from outside (the recorder and tests render frames by passing sessions in):
  // adopt it during render, as React recommends for state derived from a prop.
  const [sessionProp, setSessionProp] = useState(props.session);
  if (props.session !== sessionProp) {
    setSessionProp(props.session);
    setSession(props.session);
  }

  const lessonRef = useRef<LessonLog | null>(lesson);
  lessonRef.current = lesson;
  useSimClock({ enabled: props.autoTick !== false, frameMs: props.frameMs ?? 100, setSession, driverRef, lessonRef, startsRef, setLesson });

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
    const selected = selectedRef.current;
    const openMenu = openRef.current;
    const d = driverRef.current;
    if (tooSmallRef.current) return tooSmallKey(input, key) ? quit() : undefined;
    const mode = openMenu ? 'menu' : helpRef.current ? 'help' : 'main';
    // An open timeline or a focused event log takes its keys first (view-keys.ts).
    const v = viewsRef.current;
    if (mode === 'main' && (v.timeline.open || v.events.focused)) {
      const next = viewKey(v, input, key, s);
      if (next) return setViews(next);
    }
    const ctx: KeyContext = {
      mode,
      state: s,
      speed: sessionRef.current.speed,
      selected,
      lessonWaits: isInteractive(d) && d.view().waitingForEnter,
      inLesson: isInteractive(d) && lessonRef.current !== null,
    };
    const cmd = commandFor(input, key, ctx);
    if (!cmd) return;
    if (propsRef.current.showKeys) echoKey(input, key, ctx, cmd, openMenu);
    switch (cmd.kind) {
      case 'quit': return quit();
      case 'help':
        setHelpOffset(0);
        return setHelp(cmd.open);
      case 'help-scroll': return setHelpOffset((o) => Math.max(0, o + cmd.delta));
      case 'view': {
        const next = viewKey(viewsRef.current, input, key, s);
        // In the one-pane layout, the focused event log shows.
        if (next?.events.focused) setPane(COMPACT_ORDER.indexOf('events'));
        return next ? setViews(next) : undefined;
      }
      case 'act': return act(cmd.action);
      case 'select': {
        const nodes = s.nodeOrder;
        const i = selected ? nodes.indexOf(selected) : cmd.delta < 0 ? 0 : -1;
        const next = nodes[(i + cmd.delta + nodes.length) % nodes.length] ?? null;
        setSelected(next);
        // In the one-pane layout, show the pane where the selected node is drawn.
        const kind = next ? s.nodes[next]?.kind : undefined;
        if (kind) setPane(COMPACT_ORDER.indexOf(PANE_OF_KIND[kind]));
        return;
      }
      case 'pane': return setPane((p) => (p + cmd.delta + COMPACT_ORDER.length) % COMPACT_ORDER.length);
      case 'next-step':
        if (isInteractive(d)) d.advance();
        setNarrationScroll(0);
        return setLesson((l) => (l ? { ...l } : l));
      case 'lesson-back':
      case 'lesson-restart': {
        if (!isInteractive(d)) return;
        const starts = startsRef.current;
        const target = cmd.kind === 'lesson-restart' ? starts[0] : backTarget(starts, d.view());
        if (!target) return;
        const back = restoreStart(starts, target, d);
        startsRef.current = back.starts;
        setOpen(null);
        setSession(back.session);
        setNotice(cmd.kind === 'lesson-restart' ? 'lesson restarted' : `back to step ${target.step + 1}`);
        return setLesson((l) => (l ? { ...l, checks: d.view().checks } : l));
      }
      case 'chapters': {
        if (!isInteractive(d)) return;
        const v = d.view();
        return setMenu(chapterMenu(v.chapters, stepOnScreen(v), (step) => jumpTo(d, step)));
      }
      case 'presenter': return setPresenter((p) => !p);
      case 'narration-scroll': return setNarrationScroll((n) => Math.max(0, n + cmd.delta * 3));
      case 'lesson-leave': return setMenu(leaveLessonMenu(leaveLesson));
      case 'node-menu': return setMenu(nodeMenu(s, selected as string));
      case 'cluster-menu': return setMenu(clusterMenu(s));
      case 'lessons': {
        const given = propsRef.current.lessons ?? [];
        return setMenu(lessonsMenu(typeof given === 'function' ? given() : given, startLesson));
      }
      case 'menu-close':
      case 'menu-move':
      case 'menu-pick':
      case 'menu-choose': return follow(menuStep(openMenu, cmd));
    }
  };
  useTypedKeys(onKey);

  function echoKey(input: string, key: Key, ctx: KeyContext, cmd: NonNullable<ReturnType<typeof commandFor>>, openMenu: OpenMenu | null) {
    const binding = bindingFor(input, key, ctx);
    if (!binding) return;
    const item = !openMenu ? undefined : cmd.kind === 'menu-pick' ? openMenu.menu.items[cmd.index] : cmd.kind === 'menu-choose' ? openMenu.menu.items[openMenu.index] : undefined;
    setKeyEcho(keyEchoText(input, key, binding, cmd, item?.label));
    if (keyEchoTimer.current) clearTimeout(keyEchoTimer.current);
    keyEchoTimer.current = setTimeout(() => setKeyEcho(null), KEY_ECHO_MS);
  }

  /** Jumps to a step from the lesson's start, as --step N starts there (lesson-jump.ts). */
  function jumpTo(d: InteractiveDriver, step: number) {
    const origin = startsRef.current[0];
    if (!origin) return;
    const jumped = jumpToStep(origin, d, step);
    startsRef.current = jumped.starts;
    setSession(jumped.session);
    setNarrationScroll(0);
    setNotice(`went to step ${step}`);
    setLesson((l) => (l ? { ...l, checks: d.view().checks, done: false } : l));
  }

  function startLesson(name: string) {
    void Promise.resolve(propsRef.current.startLesson?.(name) ?? null).then(
      (started) => (started ? beginLesson(started) : setNotice(`lesson ${name} is not available`)),
      () => setNotice(`lesson ${name} could not be loaded`),
    );
  }
  function leaveLesson() {
    driverRef.current = null;
    startsRef.current = [];
    setLesson(null);
    setNotice('left the lesson: free play');
  }
  function beginLesson(started: StartedLesson) {
    driverRef.current = started.driver;
    startsRef.current = isInteractive(started.driver) ? [lessonStart(started.session, started.driver)] : [];
    setLesson({ title: started.title, say: [], markers: [], checks: [], done: false });
    setSession(started.session);
    setSelected(started.session.state.nodeOrder.find((id) => started.session.state.nodes[id].kind === 'master') ?? null);
  }

  // At compact sizes the pane a lesson's step is about comes forward while the step is current.
  const shownFocus = useRef<string | null>(null);
  useEffect(() => {
    const d = driverRef.current;
    const focus = isInteractive(d) ? d.view().focus : null;
    if (focus === shownFocus.current) return;
    shownFocus.current = focus;
    const pane = focus ? compactPaneOf(focus) : -1;
    if (pane >= 0) setPane(pane);
  }, [session, lesson]);

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

  function follow(step: MenuStep | null) {
    if (!step) return;
    setOpen(step.open);
    step.chosen?.run?.();
    if (step.chosen?.action) act(step.chosen.action);
  }

  // A size given by props wins at once (no intermediate frame at the old size).
  const cols = props.cols ?? size.cols;
  const rows = props.rows ?? size.rows;
  const frame = useMemo(
    () => (presenter ? presenterLayout : layout)({
      s, session, cols, rows, selected, pane, help, menuRows: menuRowsFor(menu?.items.length ?? null), lesson,
      lessonView: isInteractive(driverRef.current) ? driverRef.current.view() : null, caption: props.caption, notice, keyEcho, narrationScroll,
      helpOffset, selectedEvent: views.events.focused ? views.events.id : null, overlay: !help && overlayOpen(views),
    }),
    [s, session, cols, rows, selected, pane, help, menu, lesson, props.caption, notice, keyEcho, helpOffset, views, narrationScroll, presenter],
  );
  tooSmallRef.current = frame.tooSmall;

  if (frame.tooSmall) {
    return <Text>{`Terminal too small (${cols}×${rows}): enlarge to at least 60×15. q quits.`}</Text>;
  }
  return (
    <Box flexDirection="column" width={cols}>
      <Lines lines={frame.top} width={cols} noColor={noColor} />
      {menu ? (
        <MenuBox title={menu.title} labels={menu.items.map((i) => i.label)} index={open!.index} width={cols} rows={frame.menu ?? 0} noColor={noColor} />
      ) : null}
      {frame.columns.length ? (
        <Box flexDirection="row" width={cols}>
          {frame.columns.map((col, i) => (
            <Lines key={i} lines={col.lines} width={col.width} noColor={noColor} />
          ))}
        </Box>
      ) : (
        <Box height={frame.body ?? 0} width={cols} flexDirection="column">
          <ViewsOverlay views={views} session={session} width={cols} height={frame.body ?? 0} noColor={noColor} />
        </Box>
      )}
      {frame.strip ? <TimelineStrip session={session} width={cols} height={frame.strip} noColor={noColor} /> : null}
      <Lines lines={frame.bottom} width={cols} noColor={noColor} />
    </Box>
  );
}

