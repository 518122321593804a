// Same seed + same actions ⇒ identical snapshots, byte for byte.
import { describe, expect, it } from 'vitest';

import { act, booted, runFor } from './helpers.js';

function scripted(seed: number) {
  let s = booted({ seed });
  s = act(s, { type: 'crash', target: 'master-1' });
  s = runFor(s, 20_000);
  s = act(s, { type: 'partition', target: 'master-2' });
  s = runFor(s, 10_000);
  s = act(s, { type: 'heal-all' });
  s = act(s, { type: 'recover', target: 'master-1' });
  return runFor(s, 30_000);
}

describe('determinism', () => {
  it('the same seed and actions give byte-identical snapshots', () => {
    expect(JSON.stringify(scripted(77))).toBe(JSON.stringify(scripted(77)));
  });
  it('a different seed gives a different run', () => {
    expect(JSON.stringify(scripted(77))).not.toBe(JSON.stringify(scripted(78)));
  });
  it('snapshots are frozen', () => {
    const s = scripted(5);
    expect(Object.isFrozen(s)).toBe(true);
    expect(Object.isFrozen(s.masters['master-2'].electors.scheduler)).toBe(true);
    expect(() => { (s as { t: number }).t = 0; }).toThrow();
  });
});
