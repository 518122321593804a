// --record FILE: checked before anything starts, so a path that cannot be written is one line
// and exit 2, not a recording that silently stops.
import fs from 'node:fs';
import path from 'node:path';
import { describeFsError } from '../files/fs-errors.js';

/**
 * Checks before anything starts that `file` can be written as a recording: its directory exists
 * and is writable, and it is not a directory itself. Returns null when fine, else one line for
 * the CLI to print (then exit 2). Creates nothing and truncates nothing.
 */
export function checkRecordPath(file: string): string | null {
  if (!file) return '--record needs a file name, e.g. --record demo.cast';
  const abs = path.resolve(file);
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(abs);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return `--record ${file}: ${describeFsError(file, err, 'use')}`;
  }
  if (st) {
    if (st.isDirectory()) return `--record ${file}: cannot write ${file}: it is a directory (EISDIR)`;
    try {
      fs.accessSync(abs, fs.constants.W_OK);
    } catch (err) {
      return `--record ${file}: ${describeFsError(file, err)}`;
    }
    return null;
  }
  const dir = path.dirname(abs);
  let dst: fs.Stats;
  try {
    dst = fs.statSync(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return `--record ${file}: cannot write ${file}: directory ${path.dirname(file)} does not exist (ENOENT)`;
    return `--record ${file}: ${describeFsError(file, err)}`;
  }
  if (!dst.isDirectory()) return `--record ${file}: cannot write ${file}: ${path.dirname(file)} is not a directory (ENOTDIR)`;
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (err) {
    return `--record ${file}: ${describeFsError(file, err)}`;
  }
  return null;
}
