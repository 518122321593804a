// A file system error as one line a person can act on: the file, the reason, the code.
const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a directory',
  ENOENT: 'its directory does not exist',
  ENOTDIR: 'a part of the path is not a directory',
  EROFS: 'read-only file system',
  EFBIG: 'file too large',
  EIO: 'input/output error',
  EBADF: 'the file is closed',
  EMFILE: 'too many open files',
};

/** One line naming the file and the reason, e.g. `cannot write demo.cast: no space left on device (ENOSPC)`. */
export function describeFsError(file: string, err: unknown, verb = 'write'): string {
  const e = err as NodeJS.ErrnoException;
  const code = e && typeof e.code === 'string' ? e.code : undefined;
  const reason = code && REASONS[code] ? `${REASONS[code]} (${code})` : oneLine(e && e.message ? e.message : String(err));
  return `cannot ${verb} ${file}: ${reason}`;
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').trim();
}
