// The built CLI end to end: headless NDJSON, scripts, determinism, exit codes.
import { describe, expect, it } from 'vitest';
import { writeFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { runCli, ndjson, hasStackTrace, CLI, ROOT } from './run-cli.js';
import { parseCast } from '../../source/record/asciicast.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'kha-cli-'));
function file(name: string, text: string): string {
  const p = path.join(tmp, name);
  writeFileSync(p, text);
  return p;
}

describe('kube-ha-lab --headless', () => {
  it('prints start first, end last, every line JSON with the documented fields', () => {
    const r = runCli(['--headless', '--duration', '30s', '--seed', '7', '--snapshot-every', '10s']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = ndjson(r.stdout);
    expect(lines[0]).toMatchObject({ type: 'start', seed: 7 });
    expect((lines[0].config as { masters: number }).masters).toBe(3);
    expect(lines[lines.length - 1].type).toBe('end');
    const events = lines.filter((l) => l.type === 'event');
    for (const e of events) {
      expect(typeof e.t).toBe('number');
      expect(e.kind).toMatch(/^[a-z]+(\.[a-z_]+)+$/);
      expect(typeof e.subject).toBe('string');
      expect(typeof e.message).toBe('string');
    }
    expect(events.some((e) => e.kind === 'etcd.leader_elected')).toBe(true);
    expect(events.some((e) => e.kind === 'lease.acquired')).toBe(true);
    const snaps = lines.filter((l) => l.type === 'snapshot');
    expect(snaps.map((s) => s.t)).toEqual([10_000, 20_000, 30_000, 30_000]);
    const snap = snaps[snaps.length - 1] as Record<string, any>;
    expect(snap.masters).toHaveLength(3);
    expect(snap.masters[0]).toHaveProperty('apiserver.state');
    expect(snap.etcd).toMatchObject({ voters: 3, quorum: 2, hasQuorum: true });
    expect(snap.etcd.members[0]).toHaveProperty('commitIndex');
    expect(snap.leases.map((l: { name: string }) => l.name)).toEqual(['kube-controller-manager', 'kube-scheduler']);
    expect(snap.lb.backends[0]).toHaveProperty('status', 'UP');
    expect(snap.requests.ok).toBeGreaterThan(1000);
    expect(snap.pods).toMatchObject({ desired: 6, running: 6, pending: 0 });
  });

  it('is deterministic: the same seed gives byte-identical output', () => {
    const a = runCli(['--headless', '--duration', '60s', '--seed', '11', '--topology', 'external']);
    const b = runCli(['--headless', '--duration', '60s', '--seed', '11', '--topology', 'external']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const c = runCli(['--headless', '--duration', '60s', '--seed', '12', '--topology', 'external']);
    expect(c.stdout).not.toBe(a.stdout);
  });

  it('switches that default to on stay on unless turned off', () => {
    const knobs = (args: string[]) => (ndjson(runCli(['--headless', '--duration', '1s', '--seed', '1', ...args]).stdout)[0].config as { knobs: Record<string, unknown> }).knobs;
    expect(knobs([])).toMatchObject({ preVote: true, redispatch: true });
    expect(knobs(['--no-pre-vote', '--no-redispatch'])).toMatchObject({ preVote: false, redispatch: false });
    expect(knobs(['--pre-vote=false', '--lease-duration=30s'])).toMatchObject({ preVote: false, redispatch: true, leaseDurationMs: 30_000 });
  });

  it('a random seed is chosen and shown when none is given, and it replays the run', () => {
    const r = runCli(['--headless', '--duration', '20s']);
    expect(r.code).toBe(0);
    const start = ndjson(r.stdout)[0];
    expect(Number.isInteger(start.seed)).toBe(true);
    const again = runCli(['--headless', '--duration', '20s', '--seed', String(start.seed)]);
    expect(again.stdout).toBe(r.stdout);
  });

  it('--headless --scenario X --record F writes a playable cast and reports the checks', () => {
    const out = path.join(tmp, 'lesson.cast');
    const r = runCli(['--headless', '--scenario', '06-external-etcd', '--record', out, '--size', '80x24']);
    expect(r.stderr).toMatch(/wrote .*lesson\.cast \(seed \d+\): \d+ frames, [\d.]+ s, \d+ markers, checks [1-9]\d* passed \/ 0 failed/);
    expect(r.code).toBe(0);
    // The NDJSON still goes to stdout: the same lines as the run without --record.
    const plain = runCli(['--headless', '--scenario', '06-external-etcd']);
    expect(r.stdout).toBe(plain.stdout);
    expect(ndjson(r.stdout).filter((l) => l.type === 'check').length).toBeGreaterThan(0);
    const cast = parseCast(readFileSync(out, 'utf8'));
    expect(cast.problems).toEqual([]);
    expect(cast.header).toMatchObject({ version: 2, width: 80, height: 24 });
    expect(cast.events.filter((e) => e[1] === 'o').length).toBeGreaterThan(5);
  });

  it('--script applies timed actions at their simulated time', () => {
    const script = file('crash.json', JSON.stringify([{ at: '20s', do: 'crash', target: 'master-1' }, { after: '30s', do: 'recover', target: 'master-1' }]));
    const r = runCli(['--headless', '--duration', '60s', '--seed', '3', '--script', script]);
    expect(r.code).toBe(0);
    const lines = ndjson(r.stdout);
    const crash = lines.find((l) => l.type === 'event' && l.kind === 'node.crashed');
    expect(crash).toMatchObject({ t: 20_000, subject: 'master-1' });
    const down = lines.find((l) => l.type === 'event' && l.kind === 'lb.backend_down');
    expect(down).toBeDefined();
    // A crashed host does not answer: each check waits inter, so DOWN comes 10-12 s after (docs/FIDELITY.md §10.1).
    expect((down!.t as number) - 20_000).toBeGreaterThanOrEqual(9_500);
    expect((down!.t as number) - 20_000).toBeLessThanOrEqual(12_500);
    expect(down!.cause).toBe(crash!.id);
    expect(lines.find((l) => l.type === 'event' && l.kind === 'node.recovered')).toMatchObject({ t: 50_000 });
    expect(lines.filter((l) => l.type === 'action')).toHaveLength(2);
  });

  it('--script without --duration runs until 30 s after its last action', () => {
    const script = file('late.json', JSON.stringify([{ at: '90s', do: 'crash', target: 'master-2' }]));
    const lines = ndjson(runCli(['--headless', '--seed', '3', '--script', script]).stdout);
    expect(lines.at(-1)).toMatchObject({ type: 'end', t: 120_000 });
    expect(lines.find((l) => l.kind === 'node.crashed')).toMatchObject({ t: 90_000, subject: 'master-2' });
  });

  it('--script in YAML works too', () => {
    const script = file('faults.yaml', '- at: 5s\n  do: partition\n  target: master-2\n- after: 10s\n  do: heal-all\n');
    const r = runCli(['--headless', '--duration', '20s', '--seed', '3', '--script', script]);
    expect(r.code).toBe(0);
    expect(ndjson(r.stdout).some((l) => l.kind === 'network.partitioned')).toBe(true);
  });

  it('runs ten simulated minutes of faults (the issue demo) with well-formed NDJSON', () => {
    const r = runCli(['--headless', '--duration', '10m', '--seed', '7', '--script', path.join('test', 'fixtures', 'faults.json')]);
    expect(r.code).toBe(0);
    const lines = ndjson(r.stdout);
    expect(lines[lines.length - 1]).toMatchObject({ type: 'end', t: 600_000 });
    expect(lines.filter((l) => l.type === 'action')).toHaveLength(16);
    const kinds = new Set(lines.map((l) => l.kind));
    for (const k of ['node.crashed', 'lease.acquired', 'etcd.quorum_lost', 'etcd.quorum_restored', 'topology.switched', 'lb.backend_down', 'lease.lost']) expect(kinds).toContain(k);
  });

  it('a reader that leaves early (`| head -1`) ends the run quietly', async () => {
    const child = spawn(process.execPath, [CLI, '--headless', '--duration', '60m', '--seed', '1', '--snapshot-every', '1s'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const first = await new Promise<string>((resolve) => {
      let buf = '';
      child.stdout.on('data', (d: Buffer) => {
        buf += d.toString();
        const nl = buf.indexOf('\n');
        if (nl >= 0) {
          child.stdout.destroy();
          resolve(buf.slice(0, nl));
        }
      });
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(JSON.parse(first)).toMatchObject({ type: 'start', seed: 1 });
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });
});

describe('bad input: one line on stderr, exit 2, no stack trace', () => {
  const cases: [string, string[], RegExp][] = [
    ['unknown flag', ['--bogus'], /unknown option --bogus/],
    ['mistyped flag', ['--mastrs', '3'], /unknown option --mastrs \(did you mean --masters\?\)/],
    ['flag given twice', ['--masters', '3', '--masters', '4'], /--masters was given more than once/],
    ['negative seed', ['--seed', '-5'], /--seed must be an integer from 0 to 4294967295 \(got "-5"\)/],
    ['value on a switch', ['--pre-vote=maybe'], /--pre-vote is a switch and takes no value/],
    ['out of range', ['--masters', '9'], /--masters must be an integer from 1 to 7/],
    ['wrong type', ['--rps', 'lots'], /--rps/],
    ['bad enum', ['--topology', 'hybrid'], /--topology must be one of/],
    ['bad duration', ['--lease-duration', 'long'], /--lease-duration must be a duration/],
    ['invalid knob combination', ['--renew-deadline', '15s'], /--lease-duration must be greater than --renew-deadline/],
    ['missing value', ['--seed'], /--seed needs a value/],
    ['stray argument', ['crash'], /unexpected argument "crash"/],
    ['no TTY', [], /needs an interactive terminal.*--headless/],
    ['script file missing', ['--headless', '--script', 'nope.json'], /--script: cannot read nope.json/],
    ['unwritable --record path', ['--headless', '--record', '/nonexistent-dir/demo.cast'], /--record .*does not exist/],
    ['--record not a .cast', ['--headless', '--record', 'demo.txt'], /--record must name a .cast file/],
    ['--record that cannot be opened', ['--headless', '--record', '/proc/demo.cast'], /cannot open \/proc\/demo.cast/],
    ['bad --size', ['--headless', '--size', 'big'], /--size must be COLSxROWS/],
    ['--size with nothing drawn', ['--headless', '--size', '100x30'], /with --headless use it with --record/],
    ['a keystroke script with --headless', ['--headless', '--script', 'test/fixtures/keys.json'], /a keystroke script drives the dashboard/],
    ['unknown scenario', ['--headless', '--scenario', 'no-such-lesson'], /no scenario "no-such-lesson"/],
    ['--script with --scenario', ['--headless', '--scenario', '01-why-a-load-balancer', '--script', 'test/fixtures/faults.json'], /cannot be combined/],
    ['--speed out of range', ['--speed', '1000'], /--speed must be a number from 0.25 to 64/],
    ['--duration without --headless', ['--duration', '10s'], /--duration only applies with --headless/],
  ];
  for (const [name, args, msg] of cases) {
    it(name, () => {
      const r = runCli(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(msg);
      expect(hasStackTrace(r.stderr)).toBe(false);
    });
  }

  const scripts: [string, string, RegExp][] = [
    ['unknown action', '[{"at":"5s","do":"explode","target":"master-1"}]', /:1: entry 1: "do" must be one of/],
    ['unknown node', '[{"at":"5s","do":"crash","target":"master-9"}]', /entry 1: "target": no node named "master-9"/],
    ['bad time', '[{"at":"soon","do":"crash","target":"master-1"}]', /"at" must be a duration/],
    ['no time', '[{"do":"crash","target":"master-1"}]', /needs a time/],
    ['missing field', '[{"at":"5s","do":"kill","target":"master-1"}]', /entry 1: do: kill needs "component"/],
    ['bad component', '[{"at":"5s","do":"kill","target":"master-1","component":"kubelet"}]', /"component" must be one of/],
    ['unknown field', '[{"at":"5s","do":"crash","target":"master-1","force":true}]', /entry 1: unknown key "force"/],
    ['not a list', '{"at":"5s"}', /a script is a list/],
    ['syntax error on line 3', '[\n {"at":"5s","do":"crash","target":"master-1"},\n {"at": ]', /:3: not valid JSON/],
    ['trailing comma (strict JSON)', '[\n {"at":"5s","do":"crash","target":"master-1"},\n]', /:3: not valid JSON/],
    ['out of order', '[{"at":"9s","do":"crash","target":"master-1"},\n{"at":"5s","do":"recover","target":"master-1"}]', /:2: entry 2: "at" "5s" is earlier/],
  ];
  for (const [name, text, msg] of scripts) {
    it(`script: ${name}`, () => {
      const f = file(`${name.replace(/\W+/g, '-')}.json`, text);
      const r = runCli(['--headless', '--script', f]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(f);
      expect(r.stderr).toMatch(msg);
    });
  }
});

describe('help and version', () => {
  it('--help lists every flag', () => {
    const r = runCli(['--help']);
    expect(r.code).toBe(0);
    for (const f of ['--headless', '--masters', '--topology', '--lease-duration', '--pre-vote', '--record', '--script', '--scenario', '--size']) expect(r.stdout).toContain(f);
    // A flag whose useful form is its negation is listed as that form, once.
    expect(r.stdout).toMatch(/^ +--no-color +no colours/m);
    expect(r.stdout).not.toMatch(/--color\b/);
  });
  it('--version prints the package version', () => {
    const r = runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
