// Better casts: --record writes the title, the command and an idle limit into the header;
// --list-scenarios ends with how to run, record and export a lesson.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { tmpDir } from './helpers.js';

describe('cast header and lesson how-to', () => {
  it('--record writes --title, the command and idle_time_limit into the header', () => {
    const dir = tmpDir();
    const cast = path.join(dir, 'demo.cast');
    const r = runCli(['--headless', '--seed', '3', '--duration', '2s', '--size', '80x24', '--record', cast, '--title', "It's a demo"]);
    expect(r.code).toBe(0);
    const header = JSON.parse(fs.readFileSync(cast, 'utf8').split('\n')[0]);
    expect(header.title).toBe("It's a demo");
    expect(header.idle_time_limit).toBe(2);
    expect(header.command).toBe(`kube-ha-lab --headless --seed 3 --duration 2s --size 80x24 --record ${cast} --title 'It'\\''s a demo'`);
  });

  it('--title without --record is a usage error', () => {
    const r = runCli(['--headless', '--title', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('kube-ha-lab: --title names a recording: use it with --record FILE.cast');
  });

  it('--list-scenarios ends with how to run, record and export a lesson', () => {
    const r = runCli(['--list-scenarios']);
    expect(r.code).toBe(0);
    const tail = r.stdout.trim().split('\n').slice(-3);
    expect(tail[0]).toMatch(/^Run a lesson: +kube-ha-lab --scenario 08-partition/);
    expect(tail[1]).toMatch(/--headless --scenario 08-partition --record partition\.cast --size 120x36$/);
    expect(tail[2]).toMatch(/kube-ha-lab export partition\.cast partition\.svg/);
  });
});
