// A small scripted Driver for the recorder's tests (the built-in lessons are used when present).
import type { Driver, DriverOutput } from '../../source/sim/driver.js';
import type { SimAction } from '../../source/sim/actions.js';

interface Step {
  at: number;
  action?: SimAction;
  say?: string;
  marker?: string;
}

/** Runs `steps` at their simulated times (ms); done once the last step ran and `tailMs` passed. */
export function stepsDriver(steps: Step[], tailMs = 5000): Driver {
  let next = 0;
  const last = steps.length ? steps[steps.length - 1].at : 0;
  return {
    poll(state): DriverOutput {
      const out: DriverOutput = { actions: [], say: [], markers: [], checks: [] };
      while (next < steps.length && steps[next].at <= state.t) {
        const s = steps[next++];
        if (s.action) out.actions.push(s.action);
        if (s.say) out.say.push(s.say);
        if (s.marker) out.markers.push(s.marker);
      }
      return out;
    },
    done(state) {
      return next >= steps.length && state.t >= last + tailMs;
    },
  };
}

/** Crash the etcd leader's master... simply master-1, and bring it back. */
export function crashLesson(): Driver {
  return stepsDriver([
    { at: 0, say: 'Three masters, stacked etcd. Watch etcd elect a leader and the controller-manager and scheduler take their leases.', marker: 'start' },
    { at: 8000, action: { type: 'crash', target: 'master-1' }, say: 'Crash master-1: the LB keeps sending it requests until 3 health checks fail.', marker: 'crash master-1' },
    { at: 30000, action: { type: 'recover', target: 'master-1' }, say: 'master-1 comes back as a follower.', marker: 'recover master-1' },
  ]);
}
