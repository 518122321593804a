// Evaluating an expectation against a snapshot: did it hold, what does it say, what was seen.
import type { State } from '../sim/types.js';
import { apiThroughLb, leaseView, workloadsView } from '../sim/views.js';
import { clusterStatus } from '../sim/etcd/index.js';
import type { Expectation } from './schema.js';

export interface Bindings {
  /** Placeholder → node, resolved when the step ran (@kcm-leader, @before, ...). */
  [name: string]: string | null;
}

const resolve = (name: string, b: Bindings) => (name.startsWith('@') ? b[name] ?? `${name}(unknown)` : name);

function whoMatches(actual: string | null, w: 'none' | { is: string } | { not: string }, b: Bindings): { ok: boolean; text: string } {
  if (w === 'none') return { ok: actual === null, text: 'none' };
  if ('is' in w) {
    const want = resolve(w.is, b);
    return { ok: actual === want, text: `is ${want}` };
  }
  const not = resolve(w.not, b);
  return { ok: actual !== null && actual !== not, text: `is not ${not} (and someone holds it)` };
}

function countMatches(n: number, c: number | { atLeast?: number; atMost?: number; is?: number }): { ok: boolean; text: string } {
  if (typeof c === 'number') return { ok: n === c, text: `${c}` };
  const parts: string[] = [];
  let ok = true;
  if (c.is !== undefined) { ok &&= n === c.is; parts.push(`${c.is}`); }
  if (c.atLeast !== undefined) { ok &&= n >= c.atLeast; parts.push(`at least ${c.atLeast}`); }
  if (c.atMost !== undefined) { ok &&= n <= c.atMost; parts.push(`at most ${c.atMost}`); }
  return { ok, text: parts.join(' and ') };
}

/** Evaluates one expectation now. `holders` maps lease names to the holder host at step time (for @before). */
export function evaluate(s: State, e: Expectation, b: Bindings): { ok: boolean; expect: string; actual: string } {
  if ('lease' in e) {
    const v = leaseView(s, e.lease);
    const holder = v.holder ? v.holderHost : null;
    const parts: string[] = [];
    let ok = true;
    if (e.holder !== undefined) {
      const bb = { ...b, '@before': b[`@before:${e.lease}`] ?? null };
      const m = whoMatches(holder, e.holder, bb);
      ok &&= m.ok;
      parts.push(`holder ${m.text}`);
    }
    if (e.transitions !== undefined) {
      const m = countMatches(v.transitions, e.transitions);
      ok &&= m.ok;
      parts.push(`transitions ${m.text}`);
    }
    return { ok, expect: `lease ${e.lease}: ${parts.join(', ')}`, actual: `holder ${holder ?? 'none'}, transitions ${v.transitions}` };
  }
  if ('etcd' in e) {
    const st = clusterStatus(s);
    const parts: string[] = [];
    let ok = true;
    if (e.etcd.leader !== undefined) {
      const m = whoMatches(st.leader, e.etcd.leader, { ...b, '@before': b['@before:etcd'] ?? null });
      ok &&= m.ok;
      parts.push(`leader ${m.text}`);
    }
    if (e.etcd.quorum !== undefined) {
      ok &&= st.hasQuorum === e.etcd.quorum;
      parts.push(e.etcd.quorum ? 'has quorum' : 'has NO quorum');
    }
    if (e.etcd.term !== undefined) {
      ok &&= st.term > e.etcd.term.greaterThan;
      parts.push(`term > ${e.etcd.term.greaterThan}`);
    }
    return { ok, expect: `etcd ${parts.join(', ')}`, actual: `leader ${st.leader ?? 'none'}, term ${st.term}, ${st.serving}/${st.voters} serving, quorum ${st.hasQuorum ? 'yes' : 'no'}` };
  }
  if ('lb' in e) {
    if ('vip' in e.lb) {
      const want = resolve(e.lb.vip, b);
      const moves = e.lb.moves === undefined ? null : countMatches(s.lb.vipMoves, e.lb.moves);
      const ok = s.lb.vipHolder === want && (moves?.ok ?? true);
      const expect = `VIP on ${want}${moves ? `, moved ${moves.text} times since the start` : ''}`;
      return { ok, expect, actual: `VIP on ${s.lb.vipHolder ?? 'nobody'}${moves ? `, moved ${s.lb.vipMoves} times` : ''}` };
    }
    const id = resolve(e.lb.backend, b);
    const be = s.lb.backends[id];
    return { ok: be?.status === e.lb.state, expect: `LB backend ${id} is ${e.lb.state}`, actual: be ? be.status : 'no such backend' };
  }
  if ('api' in e) {
    const w = apiThroughLb(s).writes;
    return { ok: (e.api.writes === 'ok') === w, expect: `API writes ${e.api.writes === 'ok' ? 'OK' : 'failing'}`, actual: w ? 'writes OK' : 'writes failing' };
  }
  if ('pods' in e) {
    const v = workloadsView(s);
    const m = countMatches(v.running, e.pods.running);
    return { ok: m.ok, expect: `pods running ${m.text}`, actual: `${v.running} running, ${v.pending} pending` };
  }
  if ('node' in e) {
    const id = resolve(e.node, b);
    const st = s.nodes[id]?.state ?? 'absent';
    return { ok: st === e.state, expect: `${id} is ${e.state}`, actual: st };
  }
  const id = resolve(e.apiserver, b);
  const a = s.masters[id]?.apiserver;
  const ready = !!a && a.state === 'running' && a.ready && s.nodes[id]?.state === 'up';
  return { ok: ready === e.ready, expect: `kube-apiserver on ${id} ${e.ready ? 'is ready' : 'is not ready'}`, actual: ready ? 'ready' : 'not ready' };
}
