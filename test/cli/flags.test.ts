// Flag parsing and validation as pure functions: every flag, wrong types, ranges, cross-field rules.
import { describe, expect, it } from 'vitest';
import { FLAGS, UsageError, toOptions, unknownFlag, missingValue, kebab } from '../../source/cli/flags.js';
import { parseDuration } from '../../source/sim/duration.js';

const opts = (flags: Record<string, string | boolean>) => toOptions(flags, () => 1234);
const usage = (flags: Record<string, string | boolean>) => {
  try {
    opts(flags);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error('expected a usage error');
};

describe('durations', () => {
  it('accept ms, s, m, h and bare milliseconds', () => {
    expect(parseDuration('100ms')).toBe(100);
    expect(parseDuration('15s')).toBe(15_000);
    expect(parseDuration('1.5s')).toBe(1_500);
    expect(parseDuration('2m')).toBe(120_000);
    expect(parseDuration('1h')).toBe(3_600_000);
    expect(parseDuration('250')).toBe(250);
  });
  it('reject garbage', () => {
    for (const bad of ['', 's', '-5s', '5 sec', '1e3', 'abc', '5d', '1,5s']) expect(parseDuration(bad)).toBeNull();
  });
});

describe('flags', () => {
  it('defaults are the real ones', () => {
    const o = opts({});
    expect(o.config.masters).toBe(3);
    expect(o.config.topology).toBe('stacked');
    expect(o.config.knobs.leaseDurationMs).toBe(15_000);
    expect(o.config.knobs.renewDeadlineMs).toBe(10_000);
    expect(o.config.knobs.retryPeriodMs).toBe(2_000);
    expect(o.config.knobs.etcdHeartbeatMs).toBe(100);
    expect(o.config.knobs.etcdElectionTimeoutMs).toBe(1_000);
    expect(o.config.knobs.checkIntervalMs).toBe(2_000);
    expect(o.config.knobs.fall).toBe(3);
    expect(o.config.knobs.rise).toBe(2);
    expect(o.config.knobs.retries).toBe(3);
    expect(o.config.seed).toBe(1234);
    expect(o.seedGiven).toBe(false);
  });

  it('parses every knob', () => {
    const o = opts({ masters: '5', etcd: '7', topology: 'external', workers: '10', replicas: '20', lb: 'leastconn', lbPair: true, lbCheck: 'tls', rps: '500', seed: '9', speed: '4', leaseDuration: '30s', renewDeadline: '20s', retryPeriod: '4s', etcdHeartbeat: '200ms', etcdElectionTimeout: '2s', preVote: false, checkInterval: '1s', fall: '5', rise: '3', retries: '1', redispatch: false });
    expect(o.config).toMatchObject({ masters: 5, etcdMembers: 7, topology: 'external', workers: 10, replicas: 20, lbAlgorithm: 'leastconn', lbPair: true, rps: 500, seed: 9 });
    expect(o.config.knobs).toMatchObject({ leaseDurationMs: 30_000, renewDeadlineMs: 20_000, retryPeriodMs: 4_000, etcdHeartbeatMs: 200, etcdElectionTimeoutMs: 2_000, preVote: false, checkIntervalMs: 1_000, fall: 5, rise: 3, retries: 1, redispatch: false, lbCheck: 'tls' });
    expect(o.speed).toBe(4);
  });

  const bad: [Record<string, string | boolean>, RegExp][] = [
    [{ masters: '0' }, /--masters must be an integer from 1 to 7 \(got "0"\)/],
    [{ masters: '8' }, /--masters .* 1 to 7/],
    [{ masters: 'three' }, /--masters .*got "three"/],
    [{ masters: '2.5' }, /--masters/],
    [{ etcd: '9' }, /--etcd must be an integer from 1 to 7/],
    [{ workers: '-1' }, /--workers/],
    [{ replicas: '501' }, /--replicas/],
    [{ rps: 'fast' }, /--rps/],
    [{ seed: '-3' }, /--seed/],
    [{ seed: '99999999999' }, /--seed/],
    [{ topology: 'mixed' }, /--topology must be one of stacked, external \(got "mixed"\)/],
    [{ lb: 'sticky' }, /--lb must be one of roundrobin, leastconn, random/],
    [{ lbCheck: 'http' }, /--lb-check must be one of readyz, tls/],
    [{ speed: '0' }, /--speed must be a number from 0.25 to 64/],
    [{ speed: '100' }, /--speed/],
    [{ speed: 'slow' }, /--speed/],
    [{ leaseDuration: '15' }, /--lease-duration must be greater than --renew-deadline|--lease-duration must be a duration/],
    [{ leaseDuration: 'soon' }, /--lease-duration must be a duration .* \(got "soon"\)/],
    [{ renewDeadline: '20s' }, /--lease-duration must be greater than --renew-deadline/],
    [{ retryPeriod: '9s' }, /--renew-deadline must be greater than 1.2 × --retry-period/],
    [{ etcdHeartbeat: '150ms' }, /--etcd-heartbeat must be a multiple of 100ms/],
    [{ etcdElectionTimeout: '300ms' }, /--etcd-election-timeout/],
    [{ checkInterval: '0s' }, /--check-interval/],
    [{ fall: '0' }, /--fall/],
    [{ rise: '100' }, /--rise/],
    [{ retries: '11' }, /--retries/],
    [{ duration: '10m' }, /--duration only applies with --headless/],
    [{ headless: true, duration: 'forever' }, /--duration must be a duration/],
    [{ headless: true, snapshotEvery: '0ms' }, /--snapshot-every/],
    [{ size: '120' }, /--size must be COLSxROWS/],
    [{ size: '10x5' }, /--size/],
    [{ record: 'demo.mp4' }, /--record must name a .cast file/],
    [{ scenario: '' }, /--scenario needs a value/],
  ];
  for (const [flags, msg] of bad) {
    it(`rejects ${JSON.stringify(flags)} in one line`, () => {
      const m = usage(flags);
      expect(m).toMatch(msg);
      expect(m).not.toContain('\n');
    });
  }

  it('finds unknown flags and missing values', () => {
    expect(unknownFlag(['--masters', '3', '--bogus'])).toBe('--bogus');
    expect(unknownFlag(['--no-pre-vote', '--no-redispatch', '--no-color'])).toBeNull();
    expect(unknownFlag(['--no-masters'])).toBe('--no-masters');
    expect(unknownFlag(['-x'])).toBe('-x');
    expect(unknownFlag(['--lease-duration=5s'])).toBeNull();
    expect(missingValue(['--masters'])).toBe('--masters');
    expect(missingValue(['--masters', '--headless'])).toBe('--masters');
    expect(missingValue(['--masters', '3'])).toBeNull();
  });

  it('every flag has help text and a kebab-case name', () => {
    for (const [name, f] of Object.entries(FLAGS)) {
      expect(f.help.length).toBeGreaterThan(5);
      expect(kebab(name)).toMatch(/^[a-z][a-z-]*$/);
    }
  });
});
