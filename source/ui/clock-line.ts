// The first line of the dashboard: the clock, the speed, live / paused / rewound / lesson waits,
// replaying or forked, and the seed and topology. The dashboard and the presenter draw this one line.
import type { Session } from '../sim/session.js';
import { isReplaying } from '../sim/session.js';
import type { LessonView } from '../scenario/scenario-driver.js';
import { type Line, seg, clock } from './lines.js';

export function clockLine(session: Session, view: LessonView | null, tag = ' kube-ha-lab '): Line {
  const s = session.state;
  const status = session.cursor !== null
    ? seg(` « REWOUND −${((session.live.t - s.t) / 1000).toFixed(0)}s `, 'warn', { bold: true, inverse: true })
    : session.paused ? seg(' ‖ PAUSED ', 'warn', { bold: true, inverse: true })
    : view?.holding ? seg(' ‖ lesson waits ', 'warn', { bold: true, inverse: true }) : seg(' ▶ live ', 'ok', { bold: true });
  return [
    seg(tag, 'accent', { bold: true, inverse: true }), seg(' '), seg(`t ${clock(s.t)}`, 'plain', { bold: true }),
    seg(`  ×${session.speed}  `), status,
    seg(isReplaying(session) ? '  ⟲ replaying' : '', 'info', { bold: true }),
    seg(session.forkedAt !== null ? `  ⑂ forked at ${clock(session.forkedAt)}` : '', 'warn'),
    seg(`  seed ${s.config.seed}  ${s.config.topology} etcd`, 'plain', { dim: true }),
  ];
}
