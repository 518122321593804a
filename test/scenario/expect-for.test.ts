// `for: D` on an expectation: it must hold at every moment of the window, not at one instant.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../source/scenario/load.js';
import { scenarioDriver } from '../../source/scenario/index.js';
import { createState } from '../../source/sim/create.js';
import { RunLoop, STATE_WORLD } from '../../source/sim/run-loop.js';

function checks(crashAt: string | null, seed: number) {
  const steps: unknown[] = [{ at: '3s', expect: [{ lb: { vip: 'lb-1' }, for: '10s' }] }];
  if (crashAt) steps.push({ at: crashAt, do: 'crash', target: 'lb-1' });
  steps.push({ at: '20s', do: 'none' });
  const sc = parseScenario(JSON.stringify({ title: 'for', setup: { lbPair: true, seed }, steps }), 'for.json', 'for');
  const loop = new RunLoop(createState(sc.config), STATE_WORLD, { driver: scenarioDriver(sc) });
  loop.runToEnd();
  return loop.checks;
}

describe('an expectation that holds for a window', () => {
  it('passes when it held all the window, fails when it stops holding inside it', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const quiet = checks(null, seed);
      expect(quiet.map((c) => [c.expect, c.ok])).toEqual([['VIP on lb-1 for 10s', true]]);
      expect(quiet[0].t).toBeGreaterThanOrEqual(13000);
      // lb-1 crashes at 4 s; the VIP moves about 3.6 s later, inside the window that ends at 13.1 s.
      const broken = checks('4s', seed);
      expect(broken.map((c) => [c.expect, c.ok])).toEqual([['VIP on lb-1 for 10s', false]]);
      expect(broken[0].actual).toMatch(/VIP on (lb-2|nobody)/);
      // It fails when the VIP left, not at the end of the window.
      expect(broken[0].t).toBeLessThan(9000);
    }
  });
});
