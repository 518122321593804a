import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { ScenarioSchema, type Step } from '../../source/scenario/schema.js';
import { lintScenario, numbersIn, revealsAnswer } from '../../source/scenario/lint.js';

const ask = (say: string, choices: string[], answer: number): Step => ({ say, ask: { question: 'q?', choices, answer } }) as Step;

describe('lesson lint', () => {
  it('numbers are standalone, not parts of node names', () => {
    expect(numbersIn('master-3 and etcd-2 left; 2 of 3 remain after 4.4 s')).toEqual(['2', '3', '4.4']);
  });

  it('flags narration that says the number only the right answer has (lesson 01 of 0.1)', () => {
    const step = ask('The LB marks it DOWN after fall 3 × inter 2 s ≈ 6 s.', ['About 6 s', 'Never', 'About 60 s'], 0);
    expect(revealsAnswer(step)).toMatch(/says 6/);
  });

  it('flags narration that contains the right choice itself', () => {
    const step = ask('So the standbys wait 15 s or more: it never releases it.', ['Yes, it releases the lease', 'No: it never releases it'], 1);
    expect(revealsAnswer(step)).toMatch(/contains the answer/);
  });

  it('does not flag numbers every choice shares, or narration without the answer', () => {
    expect(revealsAnswer(ask('3 members, one about to crash.', ['Yes: 2 of 3 are a majority', 'No: all 3 are needed'], 0))).toBeNull();
  });

  it('every built-in lesson passes the lint', () => {
    const dir = new URL('../../scenarios/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const f of files) {
      const doc = ScenarioSchema.parse(parse(readFileSync(new URL(f, dir), 'utf8')));
      expect(lintScenario(doc), f).toEqual([]);
    }
  });
});

describe('lint rules for authors', () => {
  const file = (steps: unknown[]) => ScenarioSchema.parse({ title: 't', steps });
  it('flags a step with an action or narration and no focus, not one with a focus', () => {
    expect(lintScenario(file([{ at: '1s', say: 'hello' }])).map((f) => f.rule)).toEqual(['no-focus']);
    expect(lintScenario(file([{ at: '1s', say: 'hello', focus: 'lb' }]))).toEqual([]);
  });
  it('flags "VIP on lb-1" at one instant, not with for: or within:', () => {
    const at = (timing: object) => lintScenario(file([{ at: '1s', focus: 'lb', expect: [{ lb: { vip: 'lb-1' }, ...timing }] }]));
    expect(at({}).map((f) => [f.rule, f.path])).toEqual([['instant-window', ['steps', 0, 'expect', 0]]]);
    expect(at({ for: '2s' })).toEqual([]);
    expect(at({ within: '2s' })).toEqual([]);
  });
});
