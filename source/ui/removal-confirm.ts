// Removing a master or an etcd member as a menu item that tells the truth before it acts: it is
// not offered when the simulation would refuse it, and when it lowers how many etcd failures the
// cluster tolerates (3 → 2 members: from one to none) it asks first, saying so.
import type { SimAction } from '../sim/actions.js';
import { describeAction } from '../sim/actions.js';
import { validateAction } from '../sim/apply-action.js';
import type { State } from '../sim/types.js';
import type { MenuItem } from './menus.js';

/** Members that may fail with the rest still a quorum (a majority). */
export const failuresTolerated = (members: number): number => Math.max(0, Math.floor((members - 1) / 2));

/** etcd members after the action, or null when it leaves etcd as it is. */
function membersAfter(s: State, a: SimAction): number | null {
  const n = s.etcd.order.length;
  if (a.type === 'remove-etcd') return n - 1;
  if (a.type !== 'remove-master') return null;
  const ids = Object.keys(s.masters);
  const id = a.target ?? ids[ids.length - 1];
  return s.masters[id]?.etcdMember && s.etcd.members[id] ? n - 1 : null;
}

const failures = (n: number) => (n === 0 ? 'no failure' : `${n} failure${n === 1 ? '' : 's'}`);

/** What the confirm says: the members before and after and the failures each tolerates. */
export function removalWarning(s: State, a: SimAction): string | null {
  const after = membersAfter(s, a);
  if (after === null) return null;
  const before = s.etcd.order.length;
  if (failuresTolerated(after) >= failuresTolerated(before)) return null;
  const tol = failuresTolerated(after);
  return `etcd will have ${after} member${after === 1 ? '' : 's'} and tolerate ${failures(tol)}`;
}

function tolAfter(s: State, a: SimAction): string {
  const after = membersAfter(s, a) ?? s.etcd.order.length;
  return `${after} member${after === 1 ? '' : 's'}, tolerating ${failures(failuresTolerated(after))}`;
}

/**
 * The menu item for a removal: null when the simulation would refuse it; a confirm submenu when
 * it lowers etcd's fault tolerance; else the plain action.
 */
export function removalItem(s: State, a: SimAction, label: string, value: string): MenuItem | null {
  if (validateAction(s, a) !== null) return null;
  const warning = removalWarning(s, a);
  if (!warning) return { label, value, action: a };
  return {
    label: `${label} …`, value,
    submenu: () => ({
      title: `${describeAction(a)}? ${warning}.`,
      items: [
        { label: `no, keep ${s.etcd.order.length} members (tolerates ${failures(failuresTolerated(s.etcd.order.length))})`, value: 'no' },
        { label: `yes, ${describeAction(a)}: ${tolAfter(s, a)}`, value: 'yes', action: a },
      ],
    }),
  };
}
