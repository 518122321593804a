// A terminal's size in columns and rows; one that reports none (0×0, some pseudo-terminals, a
// stream that is not a terminal) is taken as 80×24.
export function terminalSize(stream?: { columns?: number; rows?: number }): { cols: number; rows: number } {
  return { cols: stream?.columns || 80, rows: stream?.rows || 24 };
}
