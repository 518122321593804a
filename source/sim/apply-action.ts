// Applies one SimAction to a draft: validation first (an invalid action becomes an
// `action.rejected` event, never an exception), then the effect, with events that explain it.
import type { State } from './types.js';
import type { SimAction } from './actions.js';
import { describeAction } from './actions.js';
import { emit, setCause } from './events.js';
import { partition, cutLink, healLink, healNode, healAll } from './network.js';
import { downMaster, upMaster, killComponent, stopComponent, startComponent } from './processes.js';
import { crashMember, stopMember, startMember, addMember, removeMember, createMember } from './etcd/index.js';
import { addNode, addMasterRecord, etcdNodeId, masterId, newBackend, sortNodeOrder } from './create.js';
import { deletePod } from './workloads.js';
import { LIMITS } from './config.js';
import { termAt } from './etcd/log.js';
import { actionFieldProblem } from './action-fields.js';

/** Why an action cannot be applied to this state, or null when it can. */
export function validateAction(s: State, a: SimAction): string | null {
  const badField = actionFieldProblem(a);
  if (badField) return badField;
  const node = (id: string | undefined) => (id && s.nodes[id] ? null : `no node named "${id ?? ''}" (nodes: ${s.nodeOrder.join(', ')})`);
  switch (a.type) {
    case 'stop':
      if (a.component !== undefined) return validateAction(s, { type: 'kill', target: a.target, component: a.component });
      return node(a.target);
    case 'crash':
    case 'recover':
    case 'partition':
    case 'heal-node':
      return node(a.target);
    case 'kill':
    case 'restart': {
      const n = s.nodes[a.target];
      if (!n) return node(a.target);
      if (n.kind === 'etcd' && a.component === 'etcd') return null;
      if (n.kind !== 'master') return `${a.target} is not a master: components run on masters`;
      if (a.component === 'etcd' && !s.masters[a.target].etcdMember) return `${a.target} runs no etcd member (external topology)`;
      return null;
    }
    case 'cut':
    case 'heal':
      if (a.from === a.to) return 'a link needs two different nodes';
      return node(a.from) ?? node(a.to);
    case 'heal-all':
    case 'set-topology':
    case 'set-lb-algorithm':
    case 'set-lb-check':
    case 'set-rps':
    case 'set-pre-vote':
      return null;
    case 'add-master':
      return Object.keys(s.masters).length >= LIMITS.masters.max ? `at most ${LIMITS.masters.max} masters` : null;
    case 'remove-master':
      if (Object.keys(s.masters).length <= 1) return 'the last master cannot be removed';
      return a.target ? (s.masters[a.target] ? null : `no master named "${a.target}"`) : null;
    case 'add-etcd':
      if (s.config.topology !== 'external') return 'in the stacked topology etcd members come with masters: add a master';
      return s.etcd.order.length >= LIMITS.etcdMembers.max ? `at most ${LIMITS.etcdMembers.max} etcd members` : null;
    case 'remove-etcd':
      if (s.config.topology !== 'external') return 'in the stacked topology etcd members go with masters: remove a master';
      if (s.etcd.order.length <= 1) return 'the last etcd member cannot be removed';
      return a.target ? (s.etcd.members[a.target] ? null : `no etcd member named "${a.target}"`) : null;
    case 'delete-pod':
      return a.pod && !s.workloads.pods[a.pod] ? `no pod named "${a.pod}"` : null;
  }
}

function crashOrStopNode(s: State, id: string, graceful: boolean): void {
  const n = s.nodes[id];
  if (n.state !== 'up') return;
  const verb = graceful ? 'was shut down gracefully' : 'crashed (power off, no goodbye)';
  const what: Record<string, string> = {
    master: s.masters[id]?.etcdMember
      ? ': its kube-apiserver, controller-manager, scheduler AND its stacked etcd member go with it'
      : ': its kube-apiserver, controller-manager and scheduler go with it (etcd is external)',
    etcd: ': its etcd member is gone',
    worker: ': its pods stop, but the API keeps showing them until the node lifecycle controller reacts',
    lb: s.lb.nodes.length > 1 ? '' : ': it is the only load balancer, so clients cannot reach any apiserver',
  };
  const ev = emit(s, graceful ? 'node.stopped' : 'node.crashed', id, `${id} ${verb}${what[n.kind] ?? ''}.`);
  setCause(s, `node:${id}`, ev);
  if (n.kind === 'master') {
    if (s.masters[id]?.etcdMember) {
      setCause(s, 'etcd.member', ev);
      setCause(s, `etcd.member:${id}`, ev);
    }
    setCause(s, `apiserver:${id}`, ev);
    downMaster(s, id, graceful, ev);
  } else if (n.kind === 'etcd') {
    setCause(s, 'etcd.member', ev);
    setCause(s, `etcd.member:${id}`, ev);
    if (s.etcd.members[id]) {
      if (graceful) stopMember(s, id);
      else crashMember(s, id);
    }
  }
  n.state = graceful ? 'stopped' : 'crashed';
  n.since = s.t;
}

function recoverNode(s: State, id: string): void {
  const n = s.nodes[id];
  if (n.state === 'up') return;
  n.state = 'up';
  n.since = s.t;
  const ev = emit(s, 'node.recovered', id, `${id} is back up${n.kind === 'master' ? ': the kubelet starts its static pods again' : ''}.`);
  setCause(s, `node:${id}`, ev);
  if (n.kind === 'master') upMaster(s, id, ev);
  else if (n.kind === 'etcd' && s.etcd.members[id]) startMember(s, id);
}

function switchTopology(s: State, topology: 'stacked' | 'external'): void {
  if (s.config.topology === topology) return;
  const oldMembers = s.etcd.order.slice();
  const appliedIndex = s.etcd.appliedIndex;
  // The new members start from a snapshot of the applied state: index and term of its last entry.
  let snapTerm = 0;
  let term = s.etcd.term;
  for (const id of oldMembers) {
    const m = s.etcd.members[id];
    term = Math.max(term, m.term);
    const t = termAt(m, appliedIndex);
    if (t !== undefined) snapTerm = t;
  }
  s.config.topology = topology;
  for (const id of oldMembers) delete s.etcd.members[id];
  s.etcd.order = [];
  let hosts: string[];
  if (topology === 'external') {
    hosts = [];
    for (let i = 1; i <= s.config.etcdMembers; i++) {
      const id = etcdNodeId(i);
      addNode(s, id, 'etcd');
      hosts.push(id);
    }
  } else {
    for (const id of s.nodeOrder.filter((x) => s.nodes[x].kind === 'etcd')) delete s.nodes[id];
    s.nodeOrder = s.nodeOrder.filter((x) => s.nodes[x]);
    hosts = Object.keys(s.masters);
  }
  // The data moves with the cluster (a snapshot restored onto the new members).
  for (const h of hosts) {
    const m = createMember(s, h, h, hosts);
    m.snapshotIndex = appliedIndex;
    m.snapshotTerm = snapTerm;
    m.commitIndex = appliedIndex;
    m.term = term;
    m.appliedRevision = s.etcd.revision;
    s.etcd.members[h] = m;
    s.etcd.order.push(h);
    // A stacked member on a master that is down cannot run.
    if (s.nodes[h].state !== 'up') m.running = false;
  }
  for (const id of Object.keys(s.masters)) {
    const ma = s.masters[id];
    ma.etcdMember = topology === 'stacked' ? id : null;
    ma.etcdRestartAt = null;
    ma.apiserver.endpoints = topology === 'stacked' ? [id] : hosts.slice();
    ma.apiserver.endpointCursor = 0;
  }
  s.etcd.leader = null;
  s.etcd.leaderChangedAt = s.t;
  const ev = emit(s, 'topology.switched', 'etcd',
    topology === 'external'
      ? `etcd now runs on ${hosts.length} dedicated nodes (${hosts.join(', ')}); every apiserver lists all of them (--etcd-servers) and fails over between them. A master failure no longer takes an etcd member with it.`
      : `etcd now runs stacked on the masters (${hosts.join(', ')}); each apiserver talks only to its local member at 127.0.0.1:2379, so a master failure takes an apiserver AND an etcd member.`,
    null, { topology, members: hosts.length });
  setCause(s, 'etcd.member', ev);
}

function nextIndex(s: State, kind: 'master' | 'etcd'): number {
  let i = 1;
  while (s.nodes[kind === 'master' ? masterId(i) : etcdNodeId(i)]) i++;
  return i;
}

function addMaster(s: State): void {
  const id = masterId(nextIndex(s, 'master'));
  addNode(s, id, 'master');
  addMasterRecord(s, id);
  s.lb.backends[id] = newBackend(id);
  s.lb.order.push(id);
  s.lb.order.sort((a, b) => Number(a.split('-')[1]) - Number(b.split('-')[1]));
  if (s.config.topology === 'stacked') addMember(s, id, id);
  s.config.masters = Object.keys(s.masters).length;
  emit(s, 'master.added', id, `${id} joined as a control-plane node${s.config.topology === 'stacked' ? ' with a new stacked etcd member' : ''}; the LB adds it as a backend.`);
}

function removeMaster(s: State, target?: string): void {
  const ids = Object.keys(s.masters);
  const id = target ?? ids[ids.length - 1];
  if (s.masters[id].etcdMember && s.etcd.members[id]) removeMember(s, id);
  delete s.masters[id];
  delete s.lb.backends[id];
  s.lb.order = s.lb.order.filter((x) => x !== id);
  s.lb.rrCursor = 0;
  delete s.nodes[id];
  s.nodeOrder = s.nodeOrder.filter((x) => x !== id);
  healNode(s, id);
  s.config.masters = Object.keys(s.masters).length;
  emit(s, 'master.removed', id, `${id} was removed from the control plane${s.config.topology === 'stacked' ? ' (and its etcd member from the cluster)' : ''}.`);
}

function addEtcd(s: State): void {
  const id = etcdNodeId(nextIndex(s, 'etcd'));
  addNode(s, id, 'etcd');
  addMember(s, id, id);
  for (const m of Object.values(s.masters)) m.apiserver.endpoints.push(id);
  s.config.etcdMembers = s.etcd.order.length;
}

function removeEtcd(s: State, target?: string): void {
  const id = target ?? s.etcd.order[s.etcd.order.length - 1];
  removeMember(s, id);
  delete s.nodes[id];
  s.nodeOrder = s.nodeOrder.filter((x) => x !== id);
  healNode(s, id);
  for (const m of Object.values(s.masters)) {
    m.apiserver.endpoints = m.apiserver.endpoints.filter((x) => x !== id);
    m.apiserver.endpointCursor = 0;
  }
  s.config.etcdMembers = s.etcd.order.length;
}

export function applyAction(s: State, a: SimAction): void {
  const problem = validateAction(s, a);
  if (problem) {
    emit(s, 'action.rejected', 'user', `Cannot ${describeAction(a)}: ${problem}.`);
    return;
  }
  switch (a.type) {
    case 'crash': return crashOrStopNode(s, a.target, false);
    case 'stop':
      if (a.component === undefined) return crashOrStopNode(s, a.target, true);
      if (s.nodes[a.target].kind === 'etcd') return crashOrStopNode(s, a.target, true);
      return stopComponent(s, a.target, a.component);
    case 'recover': return recoverNode(s, a.target);
    case 'kill':
      if (s.nodes[a.target].kind === 'etcd') return crashOrStopNode(s, a.target, false);
      return killComponent(s, a.target, a.component);
    case 'restart':
      if (s.nodes[a.target].kind === 'etcd') return recoverNode(s, a.target);
      return startComponent(s, a.target, a.component);
    case 'partition': {
      if (s.network.partitioned[a.target]) return;
      partition(s, a.target);
      const ev = emit(s, 'network.partitioned', a.target, `${a.target} is cut off from every other node (its processes keep running).`);
      setCause(s, 'network', ev);
      setCause(s, `node:${a.target}`, ev);
      if (s.etcd.members[a.target]) setCause(s, 'etcd.member', ev);
      setCause(s, `apiserver:${a.target}`, ev);
      return;
    }
    case 'cut': {
      cutLink(s, a.from, a.to);
      if (a.both) cutLink(s, a.to, a.from);
      const ev = emit(s, 'network.link_cut', `${a.from}>${a.to}`, `Link ${a.from} ${a.both ? '<->' : '->'} ${a.to} is cut${a.both ? '' : ' (one direction only: replies still flow the other way)'}.`);
      setCause(s, 'network', ev);
      return;
    }
    case 'heal': {
      healLink(s, a.from, a.to);
      if (a.both) healLink(s, a.to, a.from);
      emit(s, 'network.link_healed', `${a.from}>${a.to}`, `Link ${a.from} ${a.both ? '<->' : '->'} ${a.to} is healed.`);
      return;
    }
    case 'heal-node': {
      healNode(s, a.target);
      emit(s, 'network.healed', a.target, `${a.target} can talk to every node again.`);
      return;
    }
    case 'heal-all': {
      healAll(s);
      emit(s, 'network.healed', 'all', 'All partitions and cut links are healed.');
      return;
    }
    case 'set-topology': return switchTopology(s, a.topology);
    case 'add-master': return addMaster(s);
    case 'remove-master': return removeMaster(s, a.target);
    case 'add-etcd': return addEtcd(s);
    case 'remove-etcd': return removeEtcd(s, a.target);
    case 'set-lb-algorithm':
      s.lb.algorithm = a.algorithm;
      s.config.lbAlgorithm = a.algorithm;
      emit(s, 'lb.algorithm', 'lb', `The LB now balances with ${a.algorithm}.`);
      return;
    case 'set-lb-check':
      s.config.knobs.lbCheck = a.check;
      emit(s, 'lb.check', 'lb', a.check === 'readyz'
        ? 'The LB now checks GET /readyz: an apiserver that lost etcd is taken out of rotation.'
        : "The LB now checks only a TLS handshake (kubeadm's sample config, effectively): an apiserver that lost etcd stays in rotation.");
      return;
    case 'set-rps':
      s.traffic.rps = a.rps;
      s.config.rps = a.rps;
      emit(s, 'traffic.rate', 'clients', `Clients now send ${a.rps} requests per second through the LB.`);
      return;
    case 'set-pre-vote':
      s.config.knobs.preVote = a.enabled;
      emit(s, 'etcd.pre_vote', 'etcd', a.enabled
        ? 'etcd PreVote is on (the etcd 3.5+ default): an isolated member no longer bumps its term.'
        : 'etcd PreVote is off (the etcd 3.4 default): an isolated member keeps raising its term and disrupts the leader when it returns.');
      return;
    case 'delete-pod':
      deletePod(s, a.pod);
      return;
  }
}

export { sortNodeOrder };
