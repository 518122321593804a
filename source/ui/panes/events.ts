// Event log: plain-language events, newest first, with the event that caused each one.
import type { State } from '../../sim/types.js';
import { type Line, type Tone, seg, clock, wrap } from '../lines.js';

const TONE: Record<string, 'bad' | 'warn' | 'ok' | 'info'> = {
  crashed: 'bad', killed: 'bad', lost: 'bad', quorum_lost: 'bad', backend_down: 'bad', unavailable: 'warn', stepped_down: 'warn',
  not_ready: 'bad', renew_failed: 'warn', rejected: 'warn', partitioned: 'warn', link_cut: 'warn', delete_failed: 'warn',
  acquired: 'ok', leader_elected: 'ok', quorum_restored: 'ok', backend_up: 'ok', ready: 'ok', recovered: 'ok', vip_moved: 'info',
};

export function eventsPane(s: State, width: number, maxLines: number, withCauses: boolean): Line[] {
  const out: Line[] = [];
  const byId = new Map(s.events.map((e) => [e.id, e]));
  const textW = Math.max(20, width - 10);
  for (let i = s.events.length - 1; i >= 0 && out.length < maxLines; i--) {
    const e = s.events[i];
    const tone: Tone = TONE[e.kind.split('.').pop() ?? ''] ?? 'plain';
    const lines = wrap(e.message, textW);
    out.push([seg(` ${clock(e.t).slice(0, 7)} `, 'plain', { dim: true }), seg(lines[0] ?? '', tone)]);
    for (const more of lines.slice(1, 3)) if (out.length < maxLines) out.push([seg(`         ${more}`, tone)]);
    if (withCauses && e.cause && out.length < maxLines) {
      const c = byId.get(e.cause);
      if (c) out.push([seg(`         ← because: ${c.message}`, 'plain', { dim: true })]);
    }
  }
  if (out.length === 0) out.push([seg('  (no events yet)', 'plain', { dim: true })]);
  return out;
}
