// Writes an output file whole or not at all: into a temporary file beside it, then a rename, so
// a failure (a full disk, a kill) never leaves half an image where the output should be.
import fs from 'node:fs';
import path from 'node:path';
import { describeFsError } from '../files/fs-errors.js';

/** Returns null when written, else one line saying why not (nothing is left behind). */
export function writeAtomic(file: string, data: string | Uint8Array): string | null {
  const dir = path.dirname(path.resolve(file));
  try {
    if (fs.statSync(path.resolve(file)).isDirectory()) return `cannot write ${file}: it is a directory (EISDIR)`;
  } catch {
    // Absent: the usual case.
  }
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, data, { flag: 'wx' });
  } catch (err) {
    remove(tmp);
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return `cannot write ${file}: directory ${path.dirname(file)} does not exist (ENOENT)`;
    return describeFsError(file, err);
  }
  try {
    fs.renameSync(tmp, file);
  } catch (err) {
    remove(tmp);
    return describeFsError(file, err);
  }
  return null;
}

function remove(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch {
    // Never created, or already gone.
  }
}
