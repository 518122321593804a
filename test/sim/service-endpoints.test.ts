// The `kubernetes` Service's endpoints drop a dead apiserver only when its reconciler lease has
// expired and a live apiserver's next reconcile rewrites them.
import { describe, expect, it } from 'vitest';
import { act, booted, runUntil } from './helpers.js';
import { serviceEndpoints } from '../../source/sim/service-endpoints.js';

describe('kubernetes Service endpoints', () => {
  it('list every apiserver, and keep a crashed one 5-25 s (lease TTL 15 s, renewed and reconciled every 10 s)', () => {
    for (const seed of [61, 62, 63, 64]) {
      let s = booted({ seed });
      expect(serviceEndpoints(s)).toEqual(['master-1', 'master-2', 'master-3']);
      s = act(s, { type: 'crash', target: 'master-2' });
      const t0 = s.t;
      const gone = runUntil(s, (x) => !serviceEndpoints(x).includes('master-2'), 30_000);
      expect(gone.ok).toBe(true);
      expect(gone.t - t0).toBeGreaterThanOrEqual(5_000);
      expect(gone.t - t0).toBeLessThanOrEqual(25_000);
      expect(serviceEndpoints(gone.state)).toEqual(['master-1', 'master-3']);
    }
  });
});
