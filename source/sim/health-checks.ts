// HAProxy health checks of the apiserver backends: every `inter`, `fall` failures in a row mark a
// server DOWN, `rise` successes mark it UP again. Which check runs matters (FIDELITY §5): kubeadm's
// sample config ends up with a TLS hello only, so an apiserver without etcd stays UP.
import type { State } from './types.js';
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

export function tickHealthChecks(s: State): void {
  const lb = s.lb.vipHolder;
  if (!lb || !nodeUp(s, lb)) return;
  const k = s.config.knobs;
  const inter = k.checkIntervalMs;
  const tickMs = s.config.tickMs;
  const n = s.lb.order.length;
  for (let i = 0; i < n; i++) {
    const id = s.lb.order[i];
    // Checks are spread over the interval, one server after another, as HAProxy does.
    const offset = Math.floor((i * inter) / n / tickMs) * tickMs;
    if ((s.t - offset) % inter !== 0) continue;
    const be = s.lb.backends[id];
    be.lastCheckAt = s.t;
    const ok = checkPasses(s, lb, id);
    if (ok) {
      be.checkFail = 0;
      be.checkOk += 1;
      if (be.status === 'DOWN' && be.checkOk >= k.rise) {
        be.status = 'UP';
        be.checkOk = 0;
        const id2 = emit(s, 'lb.backend_up', id, `The LB marks ${id} UP after ${k.rise} good checks in a row (rise ${k.rise} × inter ${inter / 1000} s): it gets traffic again.`, null);
        setCause(s, `lb:${id}`, id2);
      }
    } else {
      be.checkOk = 0;
      be.checkFail += 1;
      if (be.status === 'UP' && be.checkFail >= k.fall) {
        be.status = 'DOWN';
        be.checkFail = 0;
        const id2 = emit(s, 'lb.backend_down', id,
          `The LB marks ${id} DOWN after ${k.fall} failed checks in a row (fall ${k.fall} × inter ${inter / 1000} s ≈ ${(k.fall * inter) / 1000} s): no new requests go there.`,
          causeOf(s, `apiserver:${id}`, `node:${id}`), { check: k.lbCheck });
        setCause(s, `lb:${id}`, id2);
      }
    }
  }
}
