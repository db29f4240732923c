import { closeSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync, chmodSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file whole or not at all: the new text goes to a temporary file beside it, is
 * flushed, then renamed over the original (atomic on POSIX file systems), keeping its mode.
 * A crash leaves either the old file or the new one, never half of each.
 */
export function writeFileAtomic(path: string, text: string): void {
  const temp = join(dirname(path), `.${basename(path)}.cache-codemod-${process.pid}-${Date.now()}.tmp`);
  const mode = statSync(path).mode;
  const fd = openSync(temp, 'w', mode);
  try {
    writeSync(fd, text, 0, 'utf8');
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    unlinkSync(temp);
    throw error;
  }
  closeSync(fd);
  try {
    chmodSync(temp, mode);
    renameSync(temp, path);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
    throw error;
  }
}
