// HAProxy health checks of the apiserver backends: one every `inter` per server, each server with
// its own phase; `fall` failures in a row mark a server DOWN, `rise` successes mark it UP again.
// With no `timeout check`, a check to a host that does not answer is an L4 timeout lasting `inter`,
// and the next check starts `inter` after it ended (so a powered-off master takes ~10-12 s to go
// DOWN, a refused one 4-6 s). Which check runs matters: kubeadm's sample config ends up with a TLS
// hello only, so an apiserver without etcd stays UP.
import type { Backend, State } from './types.js';
import { connected, nodeUp } from './network.js';
import { apiserverServing } from './apiserver.js';
import { emit, causeOf, setCause } from './events.js';

/** Does one check of `backend` from LB node `lb` pass right now? */
export function checkPasses(s: State, lb: string, backend: string): boolean {
  if (!connected(s, lb, backend)) return false;
  if (!apiserverServing(s, backend)) return false;
  if (s.config.knobs.lbCheck === 'readyz') return s.masters[backend].apiserver.ready;
  return true; // a TLS handshake succeeds whenever the process listens
}

function checkResult(s: State, id: string, be: Backend, ok: boolean, timedOut: boolean): void {
  const k = s.config.knobs;
  const inter = k.checkIntervalMs;
  if (ok) {
    be.checkFail = 0;
    be.checkOk += 1;
    if (be.status === 'DOWN' && be.checkOk >= k.rise) {
      be.status = 'UP';
      be.checkOk = 0;
      const id2 = emit(s, 'lb.backend_up', id, `The LB marks ${id} UP after ${k.rise} good checks in a row (rise ${k.rise} × inter ${inter / 1000} s): it gets traffic again.`, null);
      setCause(s, `lb:${id}`, id2);
    }
    return;
  }
  be.checkOk = 0;
  be.checkFail += 1;
  if (be.status === 'UP' && be.checkFail >= k.fall) {
    be.status = 'DOWN';
    be.checkFail = 0;
    const how = timedOut
      ? `each check to the silent host timed out after inter ${inter / 1000} s and the next began ${inter / 1000} s later, so ≈ ${((2 * k.fall - 1) * inter) / 1000}-${(2 * k.fall * inter) / 1000} s`
      : `fall ${k.fall} × inter ${inter / 1000} s ≈ ${((k.fall - 1) * inter) / 1000}-${(k.fall * inter) / 1000} s`;
    const id2 = emit(s, 'lb.backend_down', id,
      `The LB marks ${id} DOWN after ${k.fall} failed checks in a row (${how}): no new requests go there; requests already on it are not cut.`,
      causeOf(s, `apiserver:${id}`, `node:${id}`), { check: k.lbCheck, timedOut });
    setCause(s, `lb:${id}`, id2);
  }
}

export function tickHealthChecks(s: State): void {
  const lb = s.lb.vipHolder;
  if (!lb || !nodeUp(s, lb)) return;
  const inter = s.config.knobs.checkIntervalMs;
  for (const id of s.lb.order) {
    const be = s.lb.backends[id];
    if (be.checkEndsAt !== null) {
      // A check waiting on a silent host: it fails when its timeout (inter) runs out.
      if (s.t < be.checkEndsAt) continue;
      be.checkEndsAt = null;
      be.nextCheckAt = s.t + inter;
      checkResult(s, id, be, false, true);
      continue;
    }
    if (s.t < be.nextCheckAt) continue;
    be.lastCheckAt = s.t;
    if (!connected(s, lb, id)) {
      be.checkEndsAt = s.t + inter;
      continue;
    }
    be.nextCheckAt = s.t + inter;
    checkResult(s, id, be, checkPasses(s, lb, id), false);
  }
}
