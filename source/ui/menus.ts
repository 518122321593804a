// The dashboard's menus as data: the actions on one node (Enter), the cluster's knobs (m). Each
// item is an Action, a submenu, or a callback (lessons); the App only opens and chooses.
import type { Action, SimAction } from '../sim/actions.js';
import { describeAction } from '../sim/actions.js';
import type { ComponentKind, State } from '../sim/types.js';
import { removalItem } from './removal-confirm.js';
import { validateAction } from '../sim/apply-action.js';
import type { KeyCommand } from './keymap.js';

export interface MenuItem {
  label: string;
  value: string;
  action?: Action;
  submenu?: () => Menu;
  run?: () => void;
}
/** An open menu: which item is highlighted, and a serial that tells one opening from the next. */
export interface OpenMenu {
  menu: Menu;
  index: number;
  serial: number;
}
export interface Menu {
  title: string;
  items: MenuItem[];
}

/** A menu opened after `prev` (a new serial, the first item highlighted), or none for null. */
export function openedMenu(prev: OpenMenu | null, m: Menu | null): OpenMenu | null {
  return m ? { menu: m, index: 0, serial: (prev?.serial ?? 0) + 1 } : null;
}

export type MenuCommand = Extract<KeyCommand, { kind: 'menu-move' | 'menu-pick' | 'menu-choose' | 'menu-close' }>;
/** What a menu key leads to: the menu now open (or none) and the item chosen, whose action or callback the caller runs. */
export interface MenuStep {
  open: OpenMenu | null;
  chosen: MenuItem | null;
}

function pick(open: OpenMenu, it: MenuItem | undefined): MenuStep {
  if (!it) return { open: null, chosen: null };
  if (it.submenu) return { open: openedMenu(open, it.submenu()), chosen: null };
  return { open: null, chosen: it };
}

/** One menu key on the open menu (the dashboard and the comparison both use it); null when the key does nothing. */
export function menuStep(open: OpenMenu | null, cmd: MenuCommand): MenuStep | null {
  if (!open) return cmd.kind === 'menu-close' ? { open: null, chosen: null } : null;
  const items = open.menu.items;
  switch (cmd.kind) {
    case 'menu-close': return { open: null, chosen: null };
    case 'menu-move': return items.length ? { open: { ...open, index: (open.index + cmd.delta + items.length) % items.length }, chosen: null } : null;
    case 'menu-pick': return cmd.index < items.length ? pick(open, items[cmd.index]) : null;
    case 'menu-choose': return pick(open, items[open.index]);
  }
}

export function nodeMenu(s: State, id: string): Menu {
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
  const removal: SimAction | null = n.kind === 'master' ? { type: 'remove-master', target: id } : n.kind === 'etcd' ? { type: 'remove-etcd', target: id } : null;
  const removeItem = removal && removalItem(s, removal, describeAction(removal), `${items.length}`);
  if (removeItem) items.push(removeItem);
  return { title: `Actions on ${id}`, items };
}

export function clusterMenu(s: State): Menu {
  const items: MenuItem[] = [];
  const add = (a: SimAction, label = describeAction(a)) => items.push({ label, value: `${items.length}`, action: a });
  add({ type: 'set-topology', topology: s.config.topology === 'stacked' ? 'external' : 'stacked' });
  if (validateAction(s, { type: 'add-master' }) === null) add({ type: 'add-master' }, `add a master (now ${Object.keys(s.masters).length})`);
  const lastMaster = Object.keys(s.masters).at(-1);
  const rmMaster = removalItem(s, { type: 'remove-master', target: lastMaster }, `remove the last master (${lastMaster})`, `${items.length}`);
  if (rmMaster) items.push(rmMaster);
  if (s.config.topology === 'external') {
    if (validateAction(s, { type: 'add-etcd' }) === null) add({ type: 'add-etcd' }, `add an etcd member (now ${s.etcd.order.length})`);
    const rmEtcd = removalItem(s, { type: 'remove-etcd', target: s.etcd.order.at(-1) }, `remove the last etcd member (${s.etcd.order.at(-1)})`, `${items.length}`);
    if (rmEtcd) items.push(rmEtcd);
  }
  for (const alg of ['roundrobin', 'leastconn', 'random'] as const) if (alg !== s.lb.algorithm) add({ type: 'set-lb-algorithm', algorithm: alg });
  add({ type: 'set-lb-check', check: s.config.knobs.lbCheck === 'readyz' ? 'tls' : 'readyz' });
  add({ type: 'set-rps', rps: Math.min(10_000, Math.max(1, s.traffic.rps * 2)) }, `request rate ×2 (now ${s.traffic.rps}/s)`);
  add({ type: 'set-rps', rps: Math.floor(s.traffic.rps / 2) }, 'request rate ÷2');
  add({ type: 'set-pre-vote', enabled: !s.config.knobs.preVote });
  add({ type: 'heal-all' });
  return { title: 'Cluster', items };
}

/** The lessons (l): choosing one starts it; an empty build says so. */
export function lessonsMenu(list: { name: string; title: string }[], start: (name: string) => void): Menu {
  return {
    title: list.length ? 'Lessons' : 'Lessons (none in this build)',
    items: list.length
      ? list.map((l, i) => ({ label: `${l.name}  ${l.title}`, value: `${i}`, run: () => start(l.name) }))
      : [{ label: 'close', value: 'close' }],
  };
}
