// The live A/B comparison (--compare): two sessions with the same seed, one knob apart. Every key
// and menu choice is dispatched to both (compare-pair.ts), one timer advances both, and the screen
// (compare-layout.ts) shows both verdicts, both timelines and how their outage ledgers differ.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Box, Text, useApp, useStdout, type Key } from 'ink';
import { useSyncState } from '../use-sync-state.js';
import { useTypedKeys } from '../use-typed-keys.js';
import { terminalSize } from '../terminal-size.js';
import type { Action } from '../../sim/actions.js';
import { describeAction } from '../../sim/actions.js';
import { commandFor } from '../keymap.js';
import { clusterMenu, nodeMenu, type Menu, type MenuStep, type OpenMenu, menuStep, openedMenu } from '../menus.js';
import { Lines } from '../lines-view.js';
import { advanceBoth, dispatchCompared, otherSide, type ComparePair, type Side } from './compare-pair.js';
import { compareLayout } from './compare-layout.js';

export interface CompareAppProps {
  pair: ComparePair;
  labelA: string;
  labelB: string;
  cols?: number;
  rows?: number;
  /** Advance both clusters on a timer (off for tests). */
  autoTick?: boolean;
  frameMs?: number;
  noColor?: boolean;
  onQuit?: () => void;
}

const firstMaster = (p: ComparePair) => p.a.state.nodeOrder.find((id) => p.a.state.nodes[id].kind === 'master') ?? null;

export function CompareApp(props: CompareAppProps) {
  const { stdout } = useStdout();
  const { exit } = useApp();
  const [pair, setPair, pairRef] = useSyncState<ComparePair>(props.pair);
  const [size, setSize] = useState(() => terminalSize(stdout));
  const [side, setSide, sideRef] = useSyncState<Side>('a');
  const [selected, setSelected, selectedRef] = useSyncState<string | null>(() => firstMaster(props.pair));
  const [open, setOpen, openRef] = useSyncState<OpenMenu | null>(null);
  const [help, setHelp, helpRef] = useSyncState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const noColor = props.noColor ?? (process.env.NO_COLOR ?? '') !== '';

  useEffect(() => {
    if (props.cols !== undefined || props.rows !== undefined || !stdout) return;
    const onResize = () => setSize(terminalSize(stdout));
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, props.cols, props.rows]);

  const frameMs = props.frameMs ?? 100;
  const owed = useRef(0);
  useEffect(() => {
    if (props.autoTick === false) return;
    const timer = setInterval(() => {
      setPair((p) => {
        const tickMs = p.a.live.config.tickMs;
        owed.current += frameMs * p.a.speed;
        const ms = Math.floor(owed.current / tickMs) * tickMs;
        owed.current -= ms;
        return ms > 0 ? advanceBoth(p, ms) : p;
      });
    }, frameMs);
    return () => clearInterval(timer);
  }, [props.autoTick, frameMs]);

  const act = (a: Action) => {
    const r = dispatchCompared(pairRef.current, a);
    setPair(r.pair);
    if (r.refused) setNotice(`not applied: ${describeAction(a)} would make both clusters alike in ${r.refused}, the setting compared`);
    else if ('target' in a || a.type === 'heal-all' || a.type === 'set-topology') setNotice(`last, on both: ${describeAction(a)}`);
  };
  const setMenu = (m: Menu | null) => setOpen(openedMenu(openRef.current, m));
  function follow(step: MenuStep | null) {
    if (!step) return;
    setOpen(step.open);
    step.chosen?.run?.();
    if (step.chosen?.action) act(step.chosen.action);
  }
  const quit = () => {
    props.onQuit?.();
    exit();
  };

  const onKey = (input: string, key: Key) => {
    const shown = pairRef.current[sideRef.current];
    const s = shown.state;
    const sel = selectedRef.current;
    const openMenu = openRef.current;
    const cmd = commandFor(input, key, {
      mode: openMenu ? 'menu' : helpRef.current ? 'help' : 'main', state: s, speed: shown.speed, selected: sel, lessonWaits: false,
    });
    if (!cmd) return;
    switch (cmd.kind) {
      case 'quit': return quit();
      case 'help': return setHelp(cmd.open);
      case 'act': return act(cmd.action);
      case 'select': {
        const nodes = s.nodeOrder;
        const i = sel ? nodes.indexOf(sel) : cmd.delta < 0 ? 0 : -1;
        return setSelected(nodes[(i + cmd.delta + nodes.length) % nodes.length] ?? null);
      }
      case 'pane': return setSide((x) => otherSide(x));
      case 'next-step': return;
      case 'lessons': return setNotice('lessons run one cluster: start one without --compare');
      case 'node-menu': return setMenu(nodeMenu(s, sel as string));
      case 'cluster-menu': return setMenu(clusterMenu(s));
      case 'menu-close':
      case 'menu-move':
      case 'menu-pick':
      case 'menu-choose': return follow(menuStep(openMenu, cmd));
    }
  };
  useTypedKeys(onKey);

  const cols = props.cols ?? size.cols;
  const rows = props.rows ?? size.rows;
  const frame = useMemo(
    () => compareLayout({ pair, labelA: props.labelA, labelB: props.labelB, side, cols, rows, selected, menu: open, help, notice }),
    [pair, props.labelA, props.labelB, side, cols, rows, selected, open, help, notice],
  );
  if (frame.tooSmall) return <Text>{`Terminal too small (${cols}×${rows}): enlarge to at least 60×15. q quits.`}</Text>;
  return (
    <Box flexDirection="column" width={cols}>
      <Lines lines={frame.top} width={cols} noColor={noColor} />
      <Box flexDirection="row" width={cols}>
        {frame.columns.map((col, i) => (
          <Lines key={i} lines={col.lines} width={col.width} noColor={noColor} />
        ))}
      </Box>
      <Lines lines={frame.bottom} width={cols} noColor={noColor} />
    </Box>
  );
}
