#!/usr/bin/env node
// Real-repository check of the `cache-codemod migrate` migrations.
//
// For each entry of perf/migrations-real.txt (a public repository pinned at a commit where it
// declares the old major version, the migration, the paths to migrate), this:
//   1. migrates every source file under the paths whose nearest package.json declares the
//      migration's package (what the CLI does), with the built migrations (dist/);
//   2. migrates the result again: a second run must change nothing;
//   3. type-checks the changed files against the target versions this project pins in its
//      devDependencies (lru-cache 11, cache-manager 7, redis 5, ioredis 5, @tanstack/react-query 5,
//      @nestjs/common 11), with every module the repository imports that this project does not
//      have declared as `any`; only errors at lines the migration changed and that no
//      cache-codemod-todo marker covers are counted;
//   4. prints a table: files changed, edited lines, markers, files left unchanged, second-run
//      changes and type errors at unmarked changed lines; an error the original file has too under
//      the target versions (same code and message: the repository's own types, or modules this
//      check declares as any) is counted apart ("also before"), not as the migration's.
//
// The repositories are not part of this repository: each one is extracted from a git snapshot
// into perf/.work/migrations-real/<owner>__<name>@<commit> (ignored by git). A fresh machine has
// none; the script names the missing ones and skips them. With `--extract <dir>`, where <dir>
// holds git directories as <dir>/<owner>+<name>/repo (a bare clone or mirror), it extracts them:
//   git --git-dir=<dir>/<owner>+<name>/repo archive <commit> -- <paths> <package.json files>
//
// Usage:
//   npm run build && node perf/migrations-real.mjs [--extract <dir>] [--only owner/name] [--markdown] [--diff]

import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createTwoFilesPatch, diffLines } from 'diff';
import { typeCheck } from './migration-typecheck.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const work = join(here, '.work', 'migrations-real');
const listFile = join(here, 'migrations-real.txt');
const SOURCE = /\.(?:[cm]?[jt]sx?)$/;
const SKIP_DIRS = new Set(['node_modules', 'dist', 'build', '.next', 'coverage', '.git', '.yarn', 'vendor']);

const { values } = parseArgs({
  options: {
    extract: { type: 'string' },
    only: { type: 'string' },
    markdown: { type: 'boolean' },
    diff: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  process.stdout.write(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').filter((line) => line.startsWith('//')).map((line) => line.slice(3)).join('\n') + '\n');
  process.exit(0);
}

const dist = join(root, 'dist', 'src', 'codemod', 'migrations');
if (!existsSync(join(dist, 'apply.js'))) {
  process.stderr.write('migrations-real: dist/ is missing: run `npm run build` first\n');
  process.exit(2);
}
const { migrateText, TODO_MARKER } = await import(join(dist, 'apply.js'));
const { MIGRATIONS } = await import(join(dist, 'index.js'));
const { dependencyMajor } = await import(join(root, 'dist', 'src', 'core', 'project', 'versions.js'));

/** One line of the list: `owner/name commit migration path[,path...] [name=value ...]  # note`. */
function readList() {
  const entries = [];
  for (const raw of readFileSync(listFile, 'utf8').split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) continue;
    const [repo, commit, migration, paths, ...rest] = line.split(/\s+/);
    if (!repo || !commit || !migration || !paths || !MIGRATIONS.has(migration)) throw new Error(`migrations-real.txt: cannot read "${raw}"`);
    const options = Object.fromEntries(rest.map((option) => option.split('=')));
    entries.push({ repo, commit, migration, paths: paths.split(','), options, dir: join(work, `${repo.replace('/', '__')}@${commit.slice(0, 12)}`) });
  }
  return entries;
}

/** Extracts an entry's paths (and every package.json of the commit, for the version gates) from a git directory. */
function extract(entry, mirror) {
  const gitDir = join(mirror, entry.repo.replace('/', '+'), 'repo');
  if (!existsSync(gitDir)) return false;
  const packageJsons = execFileSync('git', ['--git-dir', gitDir, 'ls-tree', '-r', '--name-only', entry.commit], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
    .split('\n')
    .filter((path) => /(^|\/)package\.json$/.test(path) && !path.includes('node_modules/'));
  mkdirSync(entry.dir, { recursive: true });
  const archive = execFileSync('git', ['--git-dir', gitDir, 'archive', entry.commit, '--', ...entry.paths, ...packageJsons], { maxBuffer: 1024 * 1024 * 1024 });
  execFileSync('tar', ['-x', '-C', entry.dir], { input: archive });
  return true;
}

function sourceFiles(dir) {
  const out = [];
  const walk = (current) => {
    let names;
    try {
      names = readdirSync(current);
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(current, name);
      const stat = statSync(path, { throwIfNoEntry: false });
      if (!stat) continue;
      if (stat.isDirectory()) {
        if (!SKIP_DIRS.has(name)) walk(path);
      } else if (SOURCE.test(name) && !/\.d\.[cm]?ts$/.test(name) && !/\.min\.js$/.test(name) && stat.size < 1024 * 1024) {
        out.push(path);
      }
    }
  };
  walk(dir);
  return out.sort();
}

/** Line numbers (1-based, in `after`) that the migration added or changed. */
function changedLines(before, after) {
  const lines = new Set();
  let line = 1;
  for (const part of diffLines(before, after)) {
    const count = part.count ?? part.value.split('\n').length - 1;
    if (part.added) for (let i = 0; i < count; i++) lines.add(line + i);
    if (!part.removed) line += count;
  }
  return lines;
}

const COMPILER_OPTIONS = (dir) => ({
  target: 'ES2022',
  module: 'preserve',
  moduleResolution: 'bundler',
  lib: ['ES2023', 'DOM', 'DOM.Iterable'],
  jsx: 'react-jsx',
  allowJs: true,
  checkJs: true,
  strict: false,
  noEmit: true,
  skipLibCheck: true,
  esModuleInterop: true,
  experimentalDecorators: true,
  emitDecoratorMetadata: false,
  resolveJsonModule: true,
  isolatedModules: false,
  types: ['node'],
  typeRoots: [join(root, 'node_modules', '@types')],
  paths: {
    'lru-cache': [join(root, 'node_modules', 'lru-cache-v11', 'dist', 'esm', 'index.d.ts')],
    'cache-manager': [join(root, 'node_modules', 'cache-manager-v7', 'dist', 'index.d.mts')],
    redis: [join(root, 'node_modules', 'redis-v5', 'dist', 'index.d.ts')],
    '@nestjs/cache-manager': [join(root, 'test', 'codemod', '__fixtures__', 'migrate', 'nestjs-cache-manager.d.ts')],
  },
  baseUrl: dir,
});

const rows = [];
const missing = [];
const diffs = [];
for (const entry of readList()) {
  if (values.only && entry.repo !== values.only) continue;
  let extracted = existsSync(entry.dir);
  if (!extracted && values.extract) {
    try {
      extracted = extract(entry, values.extract);
    } catch (error) {
      rmSync(entry.dir, { recursive: true, force: true });
      process.stderr.write(`migrations-real: could not extract ${entry.repo}@${entry.commit}: ${String(error.message).split('\n')[0]}\n`);
    }
  }
  if (!extracted) {
    missing.push(entry);
    continue;
  }
  const migration = MIGRATIONS.get(entry.migration);
  const packages = [migration.package, ...(migration.alsoFor ?? [])];
  const out = `${entry.dir}.out`;
  rmSync(out, { recursive: true, force: true });
  cpSync(entry.dir, out, { recursive: true });
  const row = { repo: entry.repo, commit: entry.commit.slice(0, 9), migration: entry.migration, files: 0, changed: 0, edited: 0, marks: 0, unchanged: 0, secondRun: 0, typeErrors: 0, preexisting: 0, errors: [] };
  const changed = [];
  for (const path of entry.paths.flatMap((p) => sourceFiles(join(entry.dir, p)))) {
    if (!packages.some((name) => dependencyMajor(path, name) !== undefined)) continue;
    const text = readFileSync(path, 'utf8');
    row.files++;
    let once;
    try {
      once = migrateText(migration, path, text, entry.options);
    } catch (error) {
      row.errors.push(`${relative(entry.dir, path)}: ${error.message.split('\n')[0]}`);
      continue;
    }
    if (once.output === text) {
      row.unchanged++;
      continue;
    }
    const twice = migrateText(migration, path, once.output, entry.options);
    if (twice.output !== once.output) row.secondRun++;
    row.changed++;
    const lines = changedLines(text, once.output);
    const outputLines = once.output.split('\n');
    for (const line of lines) {
      if ((outputLines[line - 1] ?? '').trim().startsWith(`// ${TODO_MARKER}(`)) row.marks++;
      else row.edited++;
    }
    const target = join(out, relative(entry.dir, path));
    writeFileSync(target, once.output);
    changed.push({ path: target, lines });
    if (values.diff) diffs.push(createTwoFilesPatch(`a/${entry.repo}/${relative(entry.dir, path)}`, `b/${entry.repo}/${relative(entry.dir, path)}`, text, once.output));
  }
  if (changed.length > 0) {
    const shim = join(out, '__any-module.d.ts');
    writeFileSync(shim, "// Every module the repository imports that this check does not install is `any`.\ndeclare module '*';\n");
    const byFile = new Map(changed.map((c) => [c.path, c.lines]));
    // The same files before the migration, under the same target versions: an error the original
    // has too (same file, code and message) comes from the repository's own types (or from the
    // modules this check declares as any), not from the migration.
    const before = new Map();
    const originals = [...byFile.keys()].map((path) => join(entry.dir, relative(out, path)));
    for (const error of typeCheck([...originals, shim], COMPILER_OPTIONS(entry.dir), entry.dir)) {
      const key = `${relative(entry.dir, error.file)}|${error.code}|${error.message}`;
      before.set(key, (before.get(key) ?? 0) + 1);
    }
    for (const error of typeCheck([...byFile.keys(), shim], COMPILER_OPTIONS(out), out)) {
      if (error.marked || !byFile.get(error.file)?.has(error.line)) continue;
      const key = `${relative(out, error.file)}|${error.code}|${error.message}`;
      if ((before.get(key) ?? 0) > 0) {
        before.set(key, before.get(key) - 1);
        row.preexisting++;
        continue;
      }
      row.typeErrors++;
      row.errors.push(`${relative(out, error.file)}:${error.line}:${error.column} TS${error.code} ${error.message.split('\n')[0]}`);
    }
  }
  rows.push(row);
}

if (values.diff) process.stdout.write(diffs.join(''));
const header = ['repository', 'commit', 'migration', 'files', 'changed', 'edited lines', 'markers', 'unchanged', 'second run', 'type errors', 'also before'];
const table = [header, ...rows.map((r) => [r.repo, r.commit, r.migration, r.files, r.changed, r.edited, r.marks, r.unchanged, r.secondRun, r.typeErrors, r.preexisting].map(String))];
if (values.markdown) {
  process.stdout.write(`| ${header.join(' | ')} |\n| ${header.map(() => '---').join(' | ')} |\n`);
  for (const r of table.slice(1)) process.stdout.write(`| ${r.join(' | ')} |\n`);
} else {
  const widths = header.map((_, i) => Math.max(...table.map((r) => r[i].length)));
  for (const r of table) process.stdout.write(`${r.map((cell, i) => cell.padEnd(widths[i])).join('  ')}\n`);
}
for (const row of rows) for (const error of row.errors) process.stdout.write(`  ${row.repo} (${row.migration}): ${error}\n`);
const repos = new Set(rows.map((r) => r.repo));
process.stdout.write(`\n${rows.length} run(s) over ${repos.size} repositories; ${rows.reduce((n, r) => n + r.secondRun, 0)} second-run change(s), ${rows.reduce((n, r) => n + r.typeErrors, 0)} type error(s) at unmarked changed lines.\n`);
if (missing.length > 0) {
  process.stdout.write(`\nMissing (skipped), ${missing.length}: extract each into perf/.work/migrations-real/, or rerun with --extract <dir of git snapshots>:\n`);
  for (const entry of missing) {
    process.stdout.write(`  ${entry.repo}@${entry.commit} (${entry.migration}): git --git-dir=<snapshot> archive ${entry.commit} -- ${entry.paths.join(' ')} <package.json files> | tar -x -C ${relative(root, entry.dir)}\n`);
  }
}
const failed = rows.some((r) => r.secondRun > 0 || r.typeErrors > 0 || r.errors.some((e) => !e.includes(' TS')));
process.exitCode = failed ? 1 : 0;
