// A strict first pass over argv, before meow: every problem becomes one line (unknown flag with a
// suggestion, a value missing, a flag given twice, a value on a switch, a stray argument), and the
// rest is normalised so the parser sees one unambiguous form: `--name=value`, `--name`, `--no-name`.
import { FLAGS, kebab } from './flags.js';

export type ScanResult =
  | { ok: true; argv: string[]; given: Set<string> }
  | { ok: false; error: string };

const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
const SHORT: Record<string, string> = { '-h': 'help', '-v': 'version' };

/** Edit distance, for "did you mean". */
export function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length];
}

/** The closest known flag to a mistyped one, if it is close enough to be a typo. */
export function suggestFlag(name: string): string | null {
  const wanted = name.replace(/^-+/, '').toLowerCase();
  let best: string | null = null;
  let bestD = Infinity;
  for (const known of Object.keys(FLAGS).map(kebab)) {
    const d = distance(wanted, known);
    if (d < bestD || (d === bestD && best !== null && known < best)) {
      best = known;
      bestD = d;
    }
  }
  return best !== null && bestD <= Math.max(1, Math.floor(wanted.length / 4)) ? `--${best}` : null;
}

/** Checks argv flag by flag; returns the normalised argv and the camelCase names that were given. */
export function scanArgv(argv: readonly string[]): ScanResult {
  const out: string[] = [];
  const given = new Set<string>();
  const fail = (error: string): ScanResult => ({ ok: false, error });
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      const rest = argv[i + 1];
      if (rest !== undefined) return fail(`unexpected argument "${rest}" (see --help)`);
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      return fail(`unexpected argument "${arg}" (options start with --; see --help)`);
    }
    let body: string;
    if (!arg.startsWith('--')) {
      const long = SHORT[arg];
      if (!long) return fail(`unknown option ${arg} (see --help)`);
      body = long;
    } else {
      body = arg.slice(2);
    }
    const eq = body.indexOf('=');
    const rawName = eq >= 0 ? body.slice(0, eq) : body;
    const inline = eq >= 0 ? body.slice(eq + 1) : undefined;
    let name = camel(rawName);
    let negated = false;
    if (!FLAGS[name] && rawName.startsWith('no-') && FLAGS[camel(rawName.slice(3))]?.type === 'boolean') {
      name = camel(rawName.slice(3));
      negated = true;
    }
    const spec = /^[a-z][a-z0-9-]*$/.test(rawName) ? FLAGS[name] : undefined;
    if (!spec) {
      const hint = suggestFlag(rawName);
      return fail(`unknown option --${rawName}${hint ? ` (did you mean ${hint}?)` : ' (see --help)'}`);
    }
    const flag = `--${kebab(name)}`;
    if (given.has(name)) return fail(`${flag} was given more than once`);
    given.add(name);
    if (spec.type === 'boolean') {
      let on = !negated;
      if (inline !== undefined) {
        if (negated) return fail(`--no-${kebab(name)} takes no value (got "${inline}")`);
        if (inline === 'true') on = true;
        else if (inline === 'false') on = false;
        else return fail(`${flag} is a switch and takes no value (got "${inline}")`);
      }
      out.push(on ? flag : `--no-${kebab(name)}`);
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      // A value may start with one dash ("--seed -5" is a bad value, not an unknown flag).
      if (next === undefined || next === '--' || (next.startsWith('--') && next.length > 2)) return fail(`${flag} needs a value (see --help)`);
      value = next;
      i++;
    }
    out.push(`${flag}=${value}`);
  }
  return { ok: true, argv: out, given };
}
