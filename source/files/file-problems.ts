// All the problems of one input file, reported at once: one `file:line: problem` line each, in
// file order, at most MAX_SHOWN of them and then how many more there are.
export interface FileProblem {
  line: number;
  message: string;
}

export const MAX_SHOWN = 20;

/** The report of a file's problems: one line per problem, sorted by line, duplicates once. */
export function problemReport(file: string, problems: readonly FileProblem[]): string {
  const lines = [...new Set([...problems].sort((a, b) => a.line - b.line).map((p) => `${file}:${p.line}: ${p.message}`))];
  const shown = lines.slice(0, MAX_SHOWN);
  if (lines.length > MAX_SHOWN) shown.push(`… and ${lines.length - MAX_SHOWN} more`);
  return shown.join('\n');
}
