// The failover timeline's cost per frame, as the dashboard would pay it at 10 fps: ten simulated
// minutes with faults, then frames in which time moves one tick each (a new live snapshot every
// frame, older snapshots already classified). Also the full view at 80 and 200 columns, the strip
// beside the panes, and the panes that now say more (masters, leases, events). Prints BENCH lines.
import { createState } from '../../source/sim/create.js';
import { defaultConfig } from '../../source/sim/config.js';
import { createSession, dispatch, stepTicks, type Session } from '../../source/sim/session.js';
import { timelineLines } from '../../source/ui/timeline/render.js';
import { mastersPane } from '../../source/ui/panes/masters.js';
import { leasesPane } from '../../source/ui/panes/leases.js';
import { eventsPane } from '../../source/ui/panes/events.js';

let s: Session = createSession(createState(defaultConfig({ seed: 1, lbPair: true })), { paused: true });
for (let minute = 0; minute < 10; minute++) {
  s = stepTicks(s, 200);
  s = dispatch(s, { type: 'crash', target: `master-${(minute % 3) + 1}` });
  s = stepTicks(s, 300);
  s = dispatch(s, { type: 'recover', target: `master-${(minute % 3) + 1}` });
  s = stepTicks(s, 100);
}

function perFrame(name: string, frames: number, draw: (x: Session) => unknown, target: number): void {
  let x = s;
  const times: number[] = [];
  for (let i = 0; i < frames; i++) {
    x = stepTicks(x, 1);
    const t0 = performance.now();
    draw(x);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const p95 = times[Math.floor(times.length * 0.95)];
  console.log(`BENCH ${name}-median ${median.toFixed(3)} ms/frame (target < ${target})`);
  console.log(`BENCH ${name}-p95 ${p95.toFixed(3)} ms/frame`);
}

const view = (width: number, height: number, compact = false) => (x: Session) =>
  timelineLines({ history: x.history, live: x.live, shown: x.state, width, height, compact });

// Warm the per-snapshot classification once (the first open of the view pays it).
const t0 = performance.now();
view(200, 60)(s);
console.log(`BENCH timeline-first-open-200 ${(performance.now() - t0).toFixed(1)} ms`);
perFrame('timeline-160x40', 300, view(160, 40), 2);
perFrame('timeline-80x20', 300, view(80, 20), 2);
perFrame('timeline-200x56', 300, view(200, 56), 2);
perFrame('timeline-strip-48', 300, view(48, 16, true), 1);
perFrame('panes-masters-leases-events-160', 300, (x) => {
  mastersPane(x.state, null, 51);
  leasesPane(x.state, 54);
  eventsPane(x.state, 55, 30, true);
}, 1);
