// The CLI's pure parts in process: script parsing and its driver, event lines, the NDJSON writer
// (order, backpressure, a reader that leaves), and the headless runner's chunked reads of the log.
import { describe, expect, it } from 'vitest';
import { PassThrough, Writable } from 'node:stream';
import { defaultConfig } from '../../source/sim/config.js';
import type { SimEvent, State } from '../../source/sim/types.js';
import type { Driver } from '../../source/sim/driver.js';
import { parseActionScript, ScriptDriver, ScriptError } from '../../source/cli/script.js';
import { eventLine, runHeadless } from '../../source/cli/headless.js';
import { NdjsonWriter } from '../../source/cli/ndjson.js';

const config = defaultConfig({ seed: 5 });

function scriptError(text: string, cfg = config): string {
  try {
    parseActionScript(text, 'faults.yaml', cfg);
  } catch (e) {
    expect(e).toBeInstanceOf(ScriptError);
    expect((e as Error).message).not.toContain('\n');
    return (e as Error).message;
  }
  throw new Error('expected the script to be rejected');
}

describe('action scripts', () => {
  it('turn "at" and "after" into absolute times, keeping every other field as the action', () => {
    const entries = parseActionScript(
      JSON.stringify([
        { at: '5s', do: 'crash', target: 'master-1' },
        { after: '1.5s', do: 'cut', from: 'master-1', to: 'master-2', both: true },
        { after: '500ms', do: 'kill', target: 'master-3', component: 'scheduler' },
        { at: '1m', do: 'set-rps', rps: 200 },
        { after: '0s', do: 'heal-all' },
      ]),
      'f.json',
      config,
    );
    expect(entries.map((e) => e.atMs)).toEqual([5_000, 6_500, 7_000, 60_000, 60_000]);
    expect(entries[1].action).toEqual({ type: 'cut', from: 'master-1', to: 'master-2', both: true });
    expect(entries[2].action).toEqual({ type: 'kill', target: 'master-3', component: 'scheduler' });
  });

  it('name the YAML line of the bad field of an entry', () => {
    const yaml = '# faults\n- at: 5s\n  do: crash\n  target: master-1\n- after: 10s\n  do: crash\n  target: master-8\n';
    expect(scriptError(yaml)).toMatch(/^faults\.yaml:7: entry 2: "target": no node named "master-8"/);
  });

  it('reject what the simulation could not do', () => {
    expect(scriptError('[{"at":"1s","do":"kill","target":"worker-1","component":"apiserver"}]')).toMatch(/entry 1: "kill" of a component needs a master/);
    expect(scriptError('[{"at":"1s","do":"cut","from":"master-1","to":"master-1"}]')).toMatch(/two different nodes/);
    expect(scriptError('[{"at":"1s","do":"set-rps","rps":-1}]')).toMatch(/"rps" must be an integer/);
    expect(scriptError('[{"at":"1s","do":"set-pre-vote","enabled":"yes"}]')).toMatch(/"enabled" must be true or false/);
    expect(scriptError('[{"at":"1s","after":"2s","do":"heal-all"}]')).toMatch(/either "at" or "after"/);
    expect(scriptError('[{"at":"1s","do":"crash","target":"lb-2"}]')).toMatch(/no node named "lb-2"/);
    expect(scriptError('[{"at":"1s","do":"crash","target":"etcd-1"}]')).toMatch(/no node named "etcd-1"/);
    expect(scriptError('[3]')).toMatch(/entry 1: each entry must be an object/);
  });

  it('know the nodes the cluster has or the script creates', () => {
    expect(() => parseActionScript('[{"at":"1s","do":"crash","target":"lb-2"}]', 'f', defaultConfig({ lbPair: true }))).not.toThrow();
    expect(() => parseActionScript('[{"at":"1s","do":"crash","target":"etcd-3"}]', 'f', defaultConfig({ topology: 'external' }))).not.toThrow();
    expect(() => parseActionScript('[{"at":"1s","do":"set-topology","topology":"external"},{"after":"5s","do":"crash","target":"etcd-2"}]', 'f', config)).not.toThrow();
    expect(() => parseActionScript('[{"at":"1s","do":"kill","target":"etcd-1","component":"etcd"}]', 'f', defaultConfig({ topology: 'external' }))).not.toThrow();
  });

  it('are played by a driver on the first poll at or after each time', () => {
    const d = new ScriptDriver(parseActionScript('[{"at":"150ms","do":"crash","target":"master-1"},{"after":"0s","do":"recover","target":"master-1"},{"at":"1s","do":"heal-all"}]', 'f', config));
    const at = (t: number) => d.poll({ t } as State).actions.map((a) => a.type);
    expect(d.nextAt()).toBe(150);
    expect(at(100)).toEqual([]);
    expect(at(200)).toEqual(['crash', 'recover']);
    expect(d.done()).toBe(false);
    expect(d.nextAt()).toBe(1000);
    expect(at(1000)).toEqual(['heal-all']);
    expect(d.done()).toBe(true);
    expect(d.nextAt()).toBeNull();
  });
});

describe('event lines', () => {
  const ev: SimEvent = { id: 'ev_1', seq: 1, t: 1300, kind: 'etcd.leader_elected', subject: 'master-2', message: 'won', cause: null, data: { term: 1, votes: 2 } };
  it('carry the envelope first and the event fields beside it', () => {
    const line = eventLine(ev);
    expect(Object.keys(line)).toEqual(['type', 't', 'kind', 'subject', 'message', 'id', 'cause', 'term', 'votes']);
    expect(line).toMatchObject({ type: 'event', t: 1300, term: 1, votes: 2 });
  });
  it('never let an event field shadow the envelope', () => {
    const line = eventLine({ ...ev, data: { t: 5, kind: 'x', term: 2 } });
    expect(line).toMatchObject({ t: 1300, kind: 'etcd.leader_elected', term: 2, data: { t: 5, kind: 'x' } });
  });
});

describe('NDJSON writer', () => {
  it('keeps order and waits for a slow reader', async () => {
    const got: string[] = [];
    const slow = new Writable({
      highWaterMark: 64,
      write(chunk: Buffer, _enc, cb) {
        got.push(chunk.toString());
        setTimeout(cb, 1);
      },
    });
    const w = new NdjsonWriter(slow);
    for (let i = 0; i < 2000; i++) {
      w.write({ i });
      if (i % 100 === 0) await w.flush();
    }
    await w.end();
    const lines = got.join('').trim().split('\n').map((l) => (JSON.parse(l) as { i: number }).i);
    expect(lines).toEqual(Array.from({ length: 2000 }, (_, i) => i));
  });

  it('a reader that leaves (EPIPE) closes quietly; other write errors are reported', async () => {
    for (const [code, failure] of [['EPIPE', null], ['ENOSPC', 'ENOSPC']] as const) {
      const out = new Writable({
        write(_chunk, _enc, cb) {
          cb(Object.assign(new Error(code), { code }));
        },
      });
      const w = new NdjsonWriter(out);
      w.write({ a: 1 });
      await w.flush();
      await new Promise((r) => setImmediate(r));
      expect(w.isClosed).toBe(true);
      expect(w.failure).toBe(failure);
      w.write({ a: 2 }); // ignored, no throw
    }
  });
});

describe('headless runner', () => {
  async function run(opts: Partial<Parameters<typeof runHeadless>[0]>) {
    const out = new PassThrough();
    let text = '';
    out.on('data', (d: Buffer) => (text += d.toString()));
    const code = await runHeadless({ config: defaultConfig({ seed: 9 }), durationMs: 30_000, snapshotEveryMs: null, driver: null, version: 'test', ...opts }, out);
    return { code, lines: text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>) };
  }

  it('reads every event of the bounded log exactly once, in order', async () => {
    const { code, lines } = await run({ config: defaultConfig({ seed: 9, masters: 7, topology: 'external', etcdMembers: 7, workers: 20, rps: 1000 }) });
    expect(code).toBe(0);
    expect(lines.filter((l) => l.type === 'warning')).toEqual([]);
    const ids = lines.filter((l) => l.type === 'event').map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    const end = lines.at(-1) as { type: string; summary: { events: number } };
    expect(end.type).toBe('end');
    expect(ids.length).toBe(end.summary.events);
  });

  it('polls a driver before every tick and reports its say, marker and check lines; a failed check exits 1', async () => {
    let polls = 0;
    const driver: Driver = {
      poll: (s) => {
        polls++;
        if (s.t === 2_000) return { actions: [{ type: 'crash', target: 'master-1' }], say: ['crash it'], markers: ['crash'], checks: [{ step: 1, expect: 'nothing', ok: false, actual: 'something', t: s.t }] };
        return { actions: [], say: [], markers: [], checks: [] };
      },
      done: (s) => s.t >= 5_000,
    };
    const { code, lines } = await run({ driver, durationMs: null, tailMs: 1_000 });
    expect(code).toBe(1);
    expect(polls).toBeGreaterThanOrEqual(60);
    const types = lines.map((l) => l.type);
    expect(types.indexOf('say')).toBeLessThan(types.indexOf('action'));
    expect(lines.find((l) => l.type === 'marker')).toMatchObject({ t: 2_000, name: 'crash' });
    expect(lines.find((l) => l.type === 'check')).toMatchObject({ ok: false, step: 1 });
    expect(lines.at(-1)).toMatchObject({ type: 'end', t: 6_000, summary: { checks: { passed: 0, failed: 1 } } });
  });
});
