// `--lint FILE`: a scenario file's lint findings as `file:line: rule: message` lines. A file that
// does not load at all reports its load error the same way (one line, with its line number).
import { parseLocated } from '../files/located-doc.js';
import { ScenarioSchema } from './schema.js';
import { parseScenario, ScenarioError } from './load.js';
import { lintScenario } from './lint.js';

/** Every finding of the file's text, one line each; empty when it is clean. */
export function lintText(text: string, file: string): string[] {
  try {
    parseScenario(text, file, file);
  } catch (e) {
    if (e instanceof ScenarioError) return e.message.split('\n');
    throw e;
  }
  const located = parseLocated(text, file);
  if (!located.ok) return [`${file}:${located.line}: ${located.problem}`];
  const doc = ScenarioSchema.parse(located.doc.value);
  return lintScenario(doc).map((f) => `${file}:${located.doc.lineAt(f.path)}: ${f.rule}: step ${f.step + 1}: ${f.message}`);
}
