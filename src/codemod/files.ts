import { execFileSync } from 'node:child_process';
import { lstatSync, readdirSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UsageError } from './errors.js';

/** Extensions the codemod reads. */
export const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/**
 * Folders never scanned, whatever git says: build output, dependencies and vendored code
 * (Yarn's `.yarn/` releases and plug'n'play cache, `vendor/`), which are not the project's to fix.
 */
const SKIPPED_DIRS = new Set([
  'node_modules',
  'dist',
  'build',
  '.next',
  'coverage',
  '.git',
  '.turbo',
  '.nuxt',
  'out',
  '.yarn',
  'vendor',
  'bower_components',
  'jspm_packages',
  '.svelte-kit',
  '.output',
  '.vercel',
]);

/** Generated or bundled files by name: minified bundles and Yarn's plug'n'play loaders. */
const GENERATED_FILE = /(?:[.-]min\.[cm]?js|\.bundle\.[cm]?js|\.chunk\.[cm]?js|^\.pnp\.c?js|^\.pnp\.loader\.mjs)$/;

function isSource(path: string): boolean {
  if (path.endsWith('.d.ts') || path.endsWith('.d.mts') || path.endsWith('.d.cts')) return false;
  if (GENERATED_FILE.test(basename(path))) return false;
  return SOURCE_EXTENSIONS.some((extension) => path.endsWith(extension));
}

function inSkippedDir(relativePath: string): boolean {
  return relativePath.split(/[\\/]/).slice(0, -1).some((part) => SKIPPED_DIRS.has(part));
}

/** The git work tree that holds `dir`, or undefined outside git. */
export function gitRoot(dir: string): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/**
 * The source files under `paths`, selected as git does: tracked files and untracked files that
 * are not ignored (so `.gitignore` is honoured), minus dependency, build and vendored folders,
 * `.d.ts` files, minified bundles and symbolic links (never followed). A path that does not exist
 * is a usage error. Outside git, a plain walk with the same skips.
 * Returns absolute paths, sorted, without duplicates.
 */
export function selectFiles(cwd: string, paths: readonly string[]): string[] {
  const roots = (paths.length > 0 ? paths : ['.']).map((path) => resolve(cwd, path));
  const out = new Set<string>();
  for (const root of roots) {
    let stat;
    try {
      stat = lstatSync(root);
    } catch {
      // A mistyped path must not turn into a green run over the other paths.
      throw new UsageError(`no such file or directory: ${relative(cwd, root) || root}`);
    }
    if (stat.isSymbolicLink()) continue;
    if (stat.isFile()) {
      if (isSource(root)) out.add(root);
      continue;
    }
    const repo = gitRoot(root);
    const listed = repo ? gitFiles(repo, root) : walk(root);
    for (const file of listed) {
      const rel = relative(root, file);
      if (!isSource(file) || inSkippedDir(rel)) continue;
      try {
        if (lstatSync(file).isSymbolicLink()) continue;
      } catch {
        continue; // deleted in the work tree but still in the index
      }
      out.add(file);
    }
  }
  return [...out].sort();
}

function gitFiles(repo: string, dir: string): string[] {
  const output = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z', '--', dir], {
    cwd: repo,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  return output
    .split('\0')
    .filter(Boolean)
    .map((file) => (isAbsolute(file) ? file : join(repo, file)));
}

function walk(dir: string): string[] {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length > 0) {
    const current = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.isSymbolicLink()) continue;
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) stack.push(path);
      } else if (entry.isFile()) {
        out.push(path);
      }
    }
  }
  return out;
}

/** Files of this shard (`--shard i/n`, 1-based): a stable split by sorted position. */
export function shardFiles(files: readonly string[], shard: { index: number; count: number } | undefined): string[] {
  if (!shard) return [...files];
  return files.filter((_, i) => i % shard.count === shard.index - 1);
}

/** Paths with uncommitted changes (modified, staged or untracked) under the given files' repository. */
export function dirtyFiles(cwd: string, files: readonly string[]): string[] {
  const repo = gitRoot(cwd);
  if (!repo) return [];
  const output = execFileSync('git', ['status', '--porcelain', '-z', '--untracked-files=all'], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 30 });
  const dirty = new Set<string>();
  const entries = output.split('\0');
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (entry.length < 4) continue;
    const status = entry.slice(0, 2);
    dirty.add(join(repo, entry.slice(3)));
    if (status[0] === 'R' || status[0] === 'C') i++; // rename/copy: the next field is the source path
  }
  const wanted = new Set(files);
  return [...dirty].filter((file) => wanted.has(file)).sort();
}

/** A path for messages: relative to cwd when inside it. */
export function displayPath(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : file;
}
