// keepalived (VRRP) between two LBs: the MASTER (priority 101) adverts every advert_int (1 s);
// the BACKUP (100) takes the VIP after Master_Down_Interval = 3 × advert + skew ≈ 3.6 s of silence,
// and the MASTER preempts it back when it returns.
import type { State } from './types.js';
import { VRRP_ADVERT_MS, vrrpMasterDownMs } from './config.js';
import { canDeliver, nodeUp } from './network.js';
import { emit, causeOf, setCause } from './events.js';

export function tickKeepalived(s: State): void {
  const lbs = s.lb.nodes;
  if (lbs.length < 2) return;
  const [primary, backup] = lbs;
  const holder = s.lb.vipHolder;
  // Adverts go out once per advert interval from whichever node holds the VIP (and is up).
  if (s.t % VRRP_ADVERT_MS === 0 && holder && nodeUp(s, holder)) {
    for (const other of lbs) if (other !== holder && canDeliver(s, holder, other)) s.lb.lastAdvertAt[other] = s.t;
  }
  const downMs = vrrpMasterDownMs();
  if (holder === primary) {
    if (nodeUp(s, backup) && s.t - (s.lb.lastAdvertAt[backup] ?? 0) >= downMs) {
      s.lb.vipHolder = backup;
      s.lb.lastAdvertAt[primary] = s.t;
      const id = emit(s, 'lb.vip_moved', backup,
        `keepalived on ${backup} heard no VRRP advert from ${primary} for ${(downMs / 1000).toFixed(1)} s (3 × advert_int + skew) and took over the VIP; it sends gratuitous ARPs and clients reconnect to it.`,
        causeOf(s, `node:${primary}`), { from: primary, to: backup });
      setCause(s, 'lb.vip', id);
    }
  } else if (holder === backup) {
    // Preemption: the higher-priority primary takes the VIP back once it is up and heard by the backup.
    if (nodeUp(s, primary) && canDeliver(s, primary, backup) && s.t % VRRP_ADVERT_MS === 0) {
      s.lb.vipHolder = primary;
      const id = emit(s, 'lb.vip_moved', primary,
        `${primary} is back with the higher VRRP priority (101 > 100) and preempts: the VIP moves back to it.`,
        causeOf(s, `node:${primary}`), { from: backup, to: primary });
      setCause(s, 'lb.vip', id);
    } else if (!nodeUp(s, backup) && nodeUp(s, primary) && s.t - (s.lb.lastAdvertAt[primary] ?? 0) >= downMs) {
      s.lb.vipHolder = primary;
      emit(s, 'lb.vip_moved', primary, `${primary} took the VIP: ${backup} stopped sending VRRP adverts.`, causeOf(s, `node:${backup}`), { from: backup, to: primary });
    }
  }
}
