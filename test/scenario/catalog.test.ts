// The dashboard lists lessons from a quick read of each file's title line; it must name every
// built-in lesson with the title the full parser reads.
import { describe, expect, it } from 'vitest';
import { lessonCatalog } from '../../source/scenario/catalog.js';
import { listScenarios } from '../../source/scenario/index.js';

describe('lesson catalog', () => {
  it('lists every built-in lesson with the title the scenario parser reads', () => {
    const full = listScenarios().map(({ name, title }) => ({ name, title }));
    expect(full.length).toBeGreaterThanOrEqual(10);
    expect(lessonCatalog()).toEqual(full);
  });
});
