// A zod issue as a problem a person can act on, at the line of the key or value it is about.
import type { ZodError } from 'zod';
import type { FileProblem } from '../files/file-problems.js';

type Issue = ZodError['issues'][number];
type Path = readonly (string | number)[];

function describeIssue(issue: Issue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown key ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_type':
      return issue.message.replace(/^Invalid input: /, '');
    case 'invalid_union':
      return 'not a known form (see the scenario format in the README)';
    default:
      return issue.message;
  }
}

/**
 * Every issue of a failed parse as a FileProblem. `base` is where the parsed value sits in the
 * file; `say` words an issue's problem with its path (relative to the value).
 */
export function issueProblems(error: ZodError, lineAt: (path: Path) => number, base: Path, say: (path: Path, problem: string) => string): FileProblem[] {
  return error.issues.map((issue) => {
    const path = issue.path as (string | number)[];
    const at = issue.code === 'unrecognized_keys' ? [...path, issue.keys[0]] : path;
    return { line: lineAt([...base, ...at]), message: say(path, describeIssue(issue)) };
  });
}
