import { execFileSync } from 'node:child_process';
import { closeSync, constants, fchmodSync, fchownSync, fsyncSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync, accessSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './errors.js';

/** Temporary files that exist right now, so an interrupted run can remove them. */
const pending = new Set<string>();

/** Removes the temporary files of writes still in flight (on SIGINT/SIGTERM). */
export function removePendingTemps(): void {
  for (const temp of pending) {
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
  }
  pending.clear();
}

/** Why a file was left as it is. */
export type Refusal = 'read-only' | 'changed' | 'owner';

export const REFUSAL_TEXT: Record<Refusal, string> = {
  'read-only': 'not written: the file is read-only',
  changed: 'not written: the file changed on disk while cache-codemod ran',
  owner: 'not written: the file belongs to another user and its owner could not be kept',
};

/** Test hooks: the moment between writing the temporary file and renaming it over the original. */
export interface WriteHooks {
  beforeReplace?(file: string, temp: string): void | Promise<void>;
}

/**
 * Writes a file whole or not at all: the new text goes to a temporary file beside it, is
 * flushed, then renamed over the original (atomic on POSIX file systems). A crash leaves either
 * the old file or the new one, never half of each.
 *
 * It never replaces what it should not: a read-only file (no write bit, whoever runs it, root
 * too) is refused; the file's bytes are compared with `original` just before the rename, so an
 * edit made while the run worked is kept; the owner, group and mode are carried over (a run as
 * root does not hand other users' files to root), and a file whose owner cannot be kept is refused.
 */
export async function writeFileSafely(path: string, original: string, text: string, hooks: WriteHooks = {}): Promise<Refusal | undefined> {
  const stat = statSync(path);
  if ((stat.mode & 0o222) === 0 || !writable(path)) return 'read-only';
  const temp = join(dirname(path), `.${basename(path)}.cache-codemod-${process.pid}-${Date.now()}.tmp`);
  pending.add(temp);
  try {
    const fd = openSync(temp, 'wx', stat.mode & 0o7777);
    try {
      writeSync(fd, text, 0, 'utf8');
      fsyncSync(fd);
      if (stat.uid !== process.getuid?.() || stat.gid !== process.getgid?.()) {
        try {
          fchownSync(fd, stat.uid, stat.gid);
        } catch {
          return 'owner';
        }
      }
      fchmodSync(fd, stat.mode & 0o7777);
    } finally {
      closeSync(fd);
    }
    await hooks.beforeReplace?.(path, temp);
    let now: Buffer;
    try {
      now = readFileSync(path);
    } catch {
      return 'changed';
    }
    if (!now.equals(Buffer.from(original, 'utf8'))) return 'changed';
    renameSync(temp, path);
    pending.delete(temp);
    return undefined;
  } finally {
    if (pending.has(temp)) {
      pending.delete(temp);
      try {
        unlinkSync(temp);
      } catch {
        // never created
      }
    }
  }
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Where the lock of a tree lives: in git's own folder for the work tree, else in `cwd`. */
function lockPath(cwd: string): string {
  try {
    const path = execFileSync('git', ['rev-parse', '--git-path', 'cache-codemod.lock'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return resolve(cwd, path);
  } catch {
    return join(cwd, '.cache-codemod.lock');
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the tree's write lock, so two `fix` or `migrate` runs never write the same files at
 * once. A lock left by a process that no longer runs (on this host) is stale and replaced.
 * Returns the release function and, when a stale lock was replaced, a note for the user.
 */
export function acquireWriteLock(cwd: string): { release(): void; note?: string } {
  const path = lockPath(cwd);
  const host = hostname();
  let note: string | undefined;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, `${JSON.stringify({ pid: process.pid, host, started: new Date().toISOString() })}\n`, { flag: 'wx' });
      const release = (): void => {
        try {
          unlinkSync(path);
        } catch {
          // already removed
        }
      };
      return note ? { release, note } : { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new UsageError(`cannot create the lock file ${path}: ${(error as Error).message}`);
    }
    let holder: { pid?: number; host?: string; started?: string } = {};
    try {
      holder = JSON.parse(readFileSync(path, 'utf8')) as typeof holder;
    } catch {
      // unreadable or half-written: judged by the pid check below as stale
    }
    const running = typeof holder.pid === 'number' && (holder.host !== host || alive(holder.pid));
    if (running) {
      throw new UsageError(
        `another cache-codemod run (pid ${holder.pid}${holder.host !== host ? ` on ${holder.host}` : ''}, started ${holder.started ?? 'at an unknown time'}) is writing in this tree; wait for it to finish. If it is gone, delete ${path}.`,
      );
    }
    try {
      unlinkSync(path);
    } catch {
      // removed by someone else meanwhile
    }
    note = `removed a stale lock left by pid ${holder.pid ?? 'unknown'} (${path})`;
  }
  throw new UsageError(`cannot take the lock ${path}; another run keeps taking it`);
}
