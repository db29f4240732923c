// Benchmark corpus: the TypeScript sources that pinned npm packages publish under package/src.
//
//   node perf/corpus.mjs [--corpus-list <file>] [--extra-list <file> | --no-extra] [--extra <spec,...>] [--force]
//
// Each package@version is fetched with `npm pack <spec> --pack-destination <dir>`, unpacked with
// tar, and its .ts/.tsx/.mts/.cts files under package/src (not .d.ts) are copied into
// perf/.work/corpus/<sanitised-name>/ (the path below package/src is kept). A marker file in each
// package folder makes later runs skip it; a marker for another version re-fetches it.
//
// Extra packages (perf/corpus-extra.txt, the second list, plus any --extra) may be plain
// JavaScript (server and framework code): for them .js/.jsx/.mjs/.cjs files are kept too, and when
// they have no package/src the whole package is taken (without node_modules, dist, build,
// coverage, minified files and .d.ts).

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(here, '..');
export const WORK_DIR = path.join(here, '.work');
export const CORPUS_DIR = path.join(WORK_DIR, 'corpus');
export const DEFAULT_CORPUS_LIST = path.resolve(REPO_ROOT, '..', 'shared', 'bench-corpus.txt');
/** The second list: pinned server / framework packages (JS kept), part of the corpus by default. */
export const DEFAULT_EXTRA_LIST = path.join(here, 'corpus-extra.txt');

const MARKER = '.bench-corpus.json';
const MARKER_VERSION = 1;
const TS_EXT = ['.ts', '.tsx', '.mts', '.cts'];
const JS_EXT = ['.js', '.jsx', '.mjs', '.cjs'];
const SKIP_DIRS = new Set(['node_modules', 'dist', 'build', 'coverage', '.git']);

/** Reads a corpus list: one spec a line, `#` comments and blank lines ignored. */
export function readCorpusList(file) {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean);
}

/** `@scope/name@1.2.3` -> { name: '@scope/name', version: '1.2.3' } (version may be empty). */
export function parseSpec(spec) {
  const at = spec.lastIndexOf('@');
  if (at > 0) return { name: spec.slice(0, at), version: spec.slice(at + 1) };
  return { name: spec, version: '' };
}

/** Folder name for a package: `@medusajs/dashboard` -> `medusajs__dashboard`. */
export function sanitiseName(name) {
  return name.replace(/^@/, '').replace(/\//g, '__').replace(/[^A-Za-z0-9._-]/g, '_');
}

export function packageDir(spec) {
  return path.join(CORPUS_DIR, sanitiseName(parseSpec(spec).name));
}

function isSource(file, allowJs) {
  if (file.endsWith('.d.ts') || /\.d\.[mc]ts$/.test(file)) return false;
  if (/\.min\.[cm]?js$/.test(file)) return false;
  const ext = path.extname(file);
  return TS_EXT.includes(ext) || (allowJs && JS_EXT.includes(ext));
}

function walk(dir, out = [], skipDirs = false) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (skipDirs && SKIP_DIRS.has(entry.name)) continue;
      walk(full, out, skipDirs);
    } else if (entry.isFile()) {
      out.push(full);
    }
  }
  return out;
}

/** Lines around `line` (1-based) with numbers and a marker, `context` lines either side, long lines cut. */
export function excerpt(lines, line, context = 1, width = 160) {
  const out = [];
  for (let n = Math.max(1, line - context); n <= Math.min(lines.length, line + context); n++) {
    const text = lines[n - 1].replace(/\s+$/, '');
    out.push(`${String(n).padStart(5)}${n === line ? '>' : ' '} ${text.length > width ? text.slice(0, width) + ' …' : text}`);
  }
  return out.join('\n');
}

export function countLines(text) {
  if (text.length === 0) return 0;
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n : n + 1;
}

function readMarker(dir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, MARKER), 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Fetches and extracts one package unless its marker says it is there already.
 * Returns { spec, name, dir, files, tsx, lines, cached }.
 */
export function fetchPackage(spec, { extra = false, force = false, log = console.error } = {}) {
  const dir = packageDir(spec);
  const marker = readMarker(dir);
  if (!force && marker && marker.spec === spec && marker.markerVersion === MARKER_VERSION) {
    return { ...marker, dir, cached: true };
  }

  fs.mkdirSync(WORK_DIR, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(WORK_DIR, 'tmp-pack-'));
  try {
    log(`  fetching ${spec} ...`);
    const packOut = execFileSync(
      'npm',
      ['pack', spec, '--pack-destination', tmp, '--json', '--ignore-scripts', '--silent'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 },
    );
    const filename = JSON.parse(packOut)[0]?.filename;
    const tgz = path.join(tmp, filename ? path.basename(filename) : '');
    if (!filename || !fs.existsSync(tgz)) throw new Error(`npm pack ${spec}: no tarball in ${tmp}`);
    const unpack = path.join(tmp, 'x');
    fs.mkdirSync(unpack);
    execFileSync('tar', ['-xzf', tgz, '-C', unpack, '--no-same-owner'], { stdio: 'inherit' });

    const pkgRoot = path.join(unpack, 'package');
    const srcRoot = path.join(pkgRoot, 'src');
    let root = srcRoot;
    let files = fs.existsSync(srcRoot) ? walk(srcRoot).filter((f) => isSource(f, extra)) : [];
    if (files.length === 0 && extra) {
      // Plain-JS package without src/: take the package itself.
      root = pkgRoot;
      files = walk(pkgRoot, [], true).filter((f) => isSource(f, true));
    }
    if (files.length === 0) {
      throw new Error(`${spec}: no source files under package/src${extra ? ' or package/' : ''}`);
    }

    fs.rmSync(dir, { recursive: true, force: true });
    let lines = 0;
    let tsx = 0;
    for (const file of files) {
      const dest = path.join(dir, path.relative(root, file));
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      const text = fs.readFileSync(file, 'utf8');
      fs.writeFileSync(dest, text);
      lines += countLines(text);
      if (file.endsWith('.tsx')) tsx++;
    }
    const info = {
      markerVersion: MARKER_VERSION,
      spec,
      name: parseSpec(spec).name,
      extra,
      root: path.relative(unpack, root),
      files: files.length,
      tsx,
      lines,
      fetchedAt: new Date().toISOString(),
    };
    fs.writeFileSync(path.join(dir, MARKER), JSON.stringify(info, null, 2) + '\n');
    return { ...info, dir, cached: false };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Makes sure every package of the list (plus extras) is extracted. Returns the package infos
 * and totals. Throws if a package cannot be fetched.
 */
export function ensureCorpus({ listFile = DEFAULT_CORPUS_LIST, extraListFile = DEFAULT_EXTRA_LIST, extras = [], force = false, log = console.error } = {}) {
  fs.mkdirSync(CORPUS_DIR, { recursive: true });
  const specs = readCorpusList(listFile).map((spec) => ({ spec, extra: false }));
  const extraSpecs = [...(extraListFile ? readCorpusList(extraListFile) : []), ...extras];
  for (const spec of new Set(extraSpecs)) specs.push({ spec, extra: true });
  const packages = [];
  for (const { spec, extra } of specs) packages.push(fetchPackage(spec, { extra, force, log }));
  const totals = packages.reduce(
    (acc, p) => ({ files: acc.files + p.files, tsx: acc.tsx + p.tsx, lines: acc.lines + p.lines }),
    { files: 0, tsx: 0, lines: 0 },
  );
  return { dir: CORPUS_DIR, listFile, extraListFile, packages, totals };
}

export function printCorpus(corpus, out = console.log) {
  const rows = corpus.packages.map((p) => [p.spec + (p.extra ? ' (extra)' : ''), p.files, p.tsx, p.lines, p.cached ? 'cached' : 'fetched']);
  rows.push(['total', corpus.totals.files, corpus.totals.tsx, corpus.totals.lines, '']);
  const head = ['package', 'files', '.tsx', 'lines', ''];
  const widths = head.map((h, i) => Math.max(String(h).length, ...rows.map((r) => String(r[i]).length)));
  const fmt = (r) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  out(fmt(head));
  for (const r of rows) out(fmt(r));
}

function splitList(value) {
  return value.split(',').map((s) => s.trim()).filter(Boolean);
}

async function main(argv) {
  let listFile = DEFAULT_CORPUS_LIST;
  let extraListFile = DEFAULT_EXTRA_LIST;
  const extras = [];
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--corpus-list') listFile = path.resolve(argv[++i]);
    else if (arg === '--extra-list') extraListFile = path.resolve(argv[++i]);
    else if (arg === '--no-extra') extraListFile = null;
    else if (arg === '--extra') extras.push(...splitList(argv[++i] ?? ''));
    else if (arg === '--force') force = true;
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: node perf/corpus.mjs [--corpus-list <file>] [--extra-list <file> | --no-extra] [--extra <spec,...>] [--force]');
      return;
    } else throw new Error(`unknown option ${arg}`);
  }
  const corpus = ensureCorpus({ listFile, extraListFile, extras, force });
  console.log(`corpus: ${path.relative(process.cwd(), corpus.dir) || '.'} (lists: ${listFile}${extraListFile ? `, ${extraListFile}` : ''})`);
  printCorpus(corpus);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((err) => {
    console.error(err.message);
    process.exitCode = 1;
  });
}
