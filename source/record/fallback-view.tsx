// A small read-only dashboard used by the headless recorder when the real one (source/ui/app.tsx)
// cannot be loaded. It reads the same views as the panes, in plain words, and fits `rows` lines.
import React from 'react';
import { Box, Text } from 'ink';
import type { State } from '../sim/types.js';
import { etcdView, lbView, leaseView, mastersView, verdict, workloadsView, LEASES } from '../sim/views.js';

export interface FallbackViewProps {
  state: State;
  cols: number;
  rows: number;
}

function secs(ms: number | null): string {
  return ms === null ? '-' : `${(ms / 1000).toFixed(1)}s`;
}

function clip(s: string, n: number): string {
  return s.length <= n ? s : s.slice(0, Math.max(0, n - 1)) + '…';
}

export function FallbackView({ state: s, cols, rows }: FallbackViewProps): React.ReactElement {
  const v = verdict(s);
  const et = etcdView(s);
  const lb = lbView(s);
  const wl = workloadsView(s);
  const lines: { text: string; color?: string; bold?: boolean }[] = [];
  lines.push({ text: `kube-ha-lab  t=${(s.t / 1000).toFixed(1)}s  seed ${s.config.seed}  ${s.config.topology} etcd  | ${v.text}`, bold: true });
  lines.push({ text: 'masters' , bold: true });
  for (const m of mastersView(s)) {
    const star = (b?: boolean) => (b ? '*' : ' ');
    lines.push({
      text: `  ${m.id.padEnd(10)} node ${m.node.padEnd(7)}${m.isolated ? ' ISOLATED' : ''}  apiserver ${m.apiserver.state}${m.apiserver.ready ? ' ready' : ''}  kcm ${m.controllerManager.state}${star(m.controllerManager.leading)} sched ${m.scheduler.state}${star(m.scheduler.leading)} etcd ${m.etcd.role ?? m.etcd.state}`,
      color: m.node === 'up' ? undefined : 'red',
    });
  }
  lines.push({ text: `etcd  leader ${et.leader ?? 'none'}  term ${et.term}  quorum ${et.serving}/${et.voters} (need ${et.quorum}) ${et.hasQuorum ? 'OK' : 'LOST'}  rev ${et.revision}`, bold: true, color: et.hasQuorum ? 'green' : 'red' });
  for (const m of et.members) lines.push({ text: `  ${m.id.padEnd(14)} ${m.role.padEnd(12)} term ${m.term}  commit ${m.commitIndex}${m.isolated ? '  isolated' : ''}` });
  lines.push({ text: 'leases', bold: true });
  for (const { name } of LEASES) {
    const l = leaseView(s, name);
    lines.push({ text: `  lease ${name.padEnd(24)} holder ${(l.holderHost ?? 'none').padEnd(10)} renewed ${secs(l.sinceRenewMs)} ago  expires in ${secs(l.expiresInMs)}  transitions ${l.transitions}` });
  }
  lines.push({ text: `load balancer ${lb.algorithm}  ok ${lb.okPerSec.toFixed(0)}/s  failed ${lb.failedPerSec.toFixed(0)}/s`, bold: true });
  for (const b of lb.backends) lines.push({ text: `  ${b.id.padEnd(10)} ${b.status.padEnd(4)} share ${(b.share * 100).toFixed(0).padStart(3)}%  served ${b.served}  failed ${b.failed}`, color: b.status === 'UP' ? undefined : 'red' });
  lines.push({ text: `workloads ${wl.deployment}: desired ${wl.desired} running ${wl.running} pending ${wl.pending}${wl.stalledReason ? '  stalled: ' + wl.stalledReason : ''}`, bold: true });
  lines.push({ text: 'events', bold: true });
  const room = Math.max(0, rows - lines.length);
  const evs = s.events.slice(-room).reverse();
  for (const e of evs) lines.push({ text: `  ${(e.t / 1000).toFixed(1).padStart(6)}s ${e.message}` });
  return (
    <Box flexDirection="column" width={cols}>
      {lines.slice(0, rows).map((l, i) => (
        <Text key={i} color={l.color} bold={l.bold} wrap="truncate">{clip(l.text, cols)}</Text>
      ))}
    </Box>
  );
}
