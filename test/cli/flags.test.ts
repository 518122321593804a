// Flag parsing and validation as pure functions: every flag, wrong types, ranges, cross-field rules.
import { describe, expect, it } from 'vitest';
import { FLAGS, UsageError, toOptions, kebab } from '../../source/cli/flags.js';
import { scanArgv, suggestFlag } from '../../source/cli/argv.js';
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
    expect(o.config.knobs).toMatchObject({ netLatencyMinMs: 0.2, netLatencyMaxMs: 2, preemptDelayMs: 0 });
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

  it('parses the time-model knobs: --net-latency ranges and --preempt-delay', () => {
    expect(opts({ netLatency: '10ms-50ms', preemptDelay: '30s' }).config.knobs).toMatchObject({ netLatencyMinMs: 10, netLatencyMaxMs: 50, preemptDelayMs: 30_000 });
    expect(opts({ netLatency: '10-50ms' }).config.knobs).toMatchObject({ netLatencyMinMs: 10, netLatencyMaxMs: 50 });
    expect(opts({ netLatency: '0.5ms' }).config.knobs).toMatchObject({ netLatencyMinMs: 0.5, netLatencyMaxMs: 0.5 });
    expect(opts({ etcdHeartbeat: '50ms', etcdElectionTimeout: '500ms' }).config.knobs.etcdHeartbeatMs).toBe(50);
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
    [{ etcdHeartbeat: '20ms' }, /--etcd-heartbeat must be a duration from 50ms to 1s/],
    [{ etcdHeartbeat: '300ms' }, /--etcd-election-timeout must be at least 5 × --etcd-heartbeat/],
    [{ netLatency: 'far' }, /--net-latency must be MIN-MAX or one duration/],
    [{ netLatency: '50ms-10ms' }, /--net-latency must be MIN-MAX/],
    [{ netLatency: '2s' }, /--net-latency must be MIN-MAX with 0 <= MIN <= MAX <= 1000ms/],
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

  const scanError = (argv: string[]) => {
    const r = scanArgv(argv);
    if (r.ok) throw new Error(`expected ${JSON.stringify(argv)} to be rejected`);
    expect(r.error).not.toContain('\n');
    return r.error;
  };

  it('finds unknown flags, with a suggestion for a typo', () => {
    expect(scanError(['--masters', '3', '--bogus'])).toBe('unknown option --bogus (see --help)');
    expect(scanError(['--mastrs', '3'])).toBe('unknown option --mastrs (did you mean --masters?)');
    expect(scanError(['--lease-duraton', '5s'])).toMatch(/did you mean --lease-duration\?/);
    expect(scanError(['--no-masters'])).toMatch(/unknown option --no-masters/);
    expect(scanError(['-x'])).toBe('unknown option -x (see --help)');
    expect(scanError(['--Masters', '3'])).toMatch(/unknown option --Masters/);
    expect(suggestFlag('zzzzzz')).toBeNull();
  });

  it('accepts the negated switches, --flag=value and the short -h / -v', () => {
    const r = scanArgv(['--no-pre-vote', '--no-redispatch', '--no-color', '--lease-duration=5s', '-h', '-v', '--headless=true', '--lb-pair=false']);
    expect(r).toMatchObject({ ok: true, argv: ['--no-pre-vote', '--no-redispatch', '--no-color', '--lease-duration=5s', '--help', '--version', '--headless', '--no-lb-pair'] });
    if (r.ok) expect([...r.given].sort()).toEqual(['color', 'headless', 'help', 'lbPair', 'leaseDuration', 'preVote', 'redispatch', 'version']);
  });

  it('finds missing values, repeated flags, values on switches and stray arguments', () => {
    expect(scanError(['--masters'])).toBe('--masters needs a value (see --help)');
    expect(scanError(['--masters', '--headless'])).toBe('--masters needs a value (see --help)');
    expect(scanError(['--masters', '3', '--masters', '4'])).toBe('--masters was given more than once');
    expect(scanError(['--pre-vote', '--no-pre-vote'])).toMatch(/--pre-vote was given more than once/);
    expect(scanError(['--lb-pair=yes'])).toBe('--lb-pair is a switch and takes no value (got "yes")');
    expect(scanError(['--no-redispatch=1'])).toMatch(/--no-redispatch takes no value/);
    expect(scanError(['crash'])).toMatch(/unexpected argument "crash"/);
    expect(scanError(['--', 'x'])).toMatch(/unexpected argument "x"/);
  });

  it('a value may start with one dash: "--seed -5" is a bad seed, not an unknown flag', () => {
    const r = scanArgv(['--seed', '-5']);
    expect(r).toMatchObject({ ok: true, argv: ['--seed=-5'] });
    expect(usage({ seed: '-5' })).toMatch(/--seed must be an integer from 0 to 4294967295 \(got "-5"\)/);
  });

  it('every flag has help text and a kebab-case name', () => {
    for (const [name, f] of Object.entries(FLAGS)) {
      expect(f.help.length).toBeGreaterThan(5);
      expect(kebab(name)).toMatch(/^[a-z][a-z-]*$/);
    }
  });
});
