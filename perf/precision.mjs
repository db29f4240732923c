// Precision of every rule on real code: runs ESLint with the plugin's `all` config (every rule, the
// `strict`-only ones included) over the benchmark corpus and the precision extras, writes every
// finding as JSON, draws a fixed sample per rule and reports it against the reviewed verdicts in
// perf/precision-review.json. docs/precision.md is written from its output.
//
//   npm run build && node perf/precision.mjs            # whole corpus + extras, table on stdout
//   node perf/precision.mjs --markdown                  # the tables of docs/precision.md
//   node perf/precision.mjs --help
//
// Corpus: ../shared/bench-corpus.txt and perf/corpus-extra.txt (perf/corpus.mjs fetches them into
// perf/.work/corpus; linted through a hard-linked mirror that adds each package's package.json, see
// mirrorCorpus), plus perf/precision-extra.txt, pinned application packages fetched the same way
// (npm pack + tar) into perf/.work/extra (sources kept under the package's own paths, with its
// package.json). Nothing under perf/.work is committed. Output: perf/.work/precision/findings.json
// (every finding with a 3-line excerpt) and sample.json (the drawn sample with its verdicts).
//
// The sample: per rule, every finding reviewed in perf/precision-review.json that still occurs
// (matched by rule, file, line and occurrence on the line), then further findings in a fixed
// pseudo-random order (sha1 of rule, file, line, column, message) up to --sample (default 10).
// Verdicts: TP (a real caching problem the message describes), FP (the code is right or the
// finding's premise is false), debatable (the pattern is there but harmless or intended in its
// context, or a repeated report). Precision = TP / (TP + FP) on the sample.

import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { DEFAULT_CORPUS_LIST, DEFAULT_EXTRA_LIST, REPO_ROOT, WORK_DIR, ensureCorpus, excerpt, parseSpec, readCorpusList, sanitiseName } from './corpus.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const EXTRA_DIR = path.join(WORK_DIR, 'extra');
const OUT_DIR = path.join(WORK_DIR, 'precision');
const DEFAULT_PRECISION_LIST = path.join(here, 'precision-extra.txt');
const DEFAULT_REVIEW = path.join(here, 'precision-review.json');
const DEFAULT_PLUGIN = path.join(REPO_ROOT, 'dist', 'src', 'index.js');
const FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'];
const MARKER = '.precision.json';
const MARKER_VERSION = 2;
const SKIP_DIRS = new Set(['node_modules', '.git']);
const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;

const HELP = `usage: node perf/precision.mjs [options]

Options:
  --plugin <file>         plugin module (default dist/src/index.js; run \`npm run build\` first)
  --config <name>         plugin config to run (default all: every rule, strict-only ones included)
  --no-corpus             leave out the benchmark corpus (perf/.work/corpus)
  --no-extra              leave out the precision extras (perf/precision-extra.txt)
  --precision-list <file> the extras list (default perf/precision-extra.txt)
  --review <file>         verdicts (default perf/precision-review.json)
  --sample <N>            sample size per rule (default 10)
  --concurrency <N|auto|off>  ESLint worker threads (default auto)
  --markdown              print the tables as markdown
  --show-sample           print the sampled findings with excerpts (for reviewing)
  -h, --help              this text`;

function parseArgs(argv) {
  const opts = {
    plugin: DEFAULT_PLUGIN,
    config: 'all',
    corpus: true,
    extra: true,
    precisionList: DEFAULT_PRECISION_LIST,
    review: DEFAULT_REVIEW,
    sample: 10,
    concurrency: 'auto',
    markdown: false,
    showSample: false,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--plugin') opts.plugin = path.resolve(value());
    else if (arg === '--config') opts.config = value();
    else if (arg === '--no-corpus') opts.corpus = false;
    else if (arg === '--no-extra') opts.extra = false;
    else if (arg === '--precision-list') opts.precisionList = path.resolve(value());
    else if (arg === '--review') opts.review = path.resolve(value());
    else if (arg === '--sample') opts.sample = Number(value());
    else if (arg === '--concurrency') {
      const v = value();
      opts.concurrency = /^\d+$/.test(v) ? Number(v) : v;
    } else if (arg === '--markdown') opts.markdown = true;
    else if (arg === '--show-sample') opts.showSample = true;
    else if (arg === '-h' || arg === '--help') opts.help = true;
    else throw new Error(`unknown option ${arg} (see --help)`);
  }
  return opts;
}

// ---------------------------------------------------------------------------------------------
// Precision extras: npm pack + tar into perf/.work/extra/<name>/, keeping the package's paths.

function walk(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP_DIRS.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

function isSource(file) {
  return SOURCE.test(file) && !/\.d\.[cm]?ts$/.test(file) && !/\.min\.[cm]?js$/.test(file);
}

/**
 * A list line is `name@version [subfolder,...]  # comment`: the folders of the package to keep
 * (default: src/ when it has one, else the whole package minus dist-like folders).
 */
function readPrecisionList(file) {
  return readCorpusList(file).map((line) => {
    const [spec, folders] = line.split(/\s+/);
    return { spec, folders: folders ? folders.split(',') : null };
  });
}

function fetchExtra({ spec, folders }, log) {
  const dir = path.join(EXTRA_DIR, sanitiseName(parseSpec(spec).name));
  const want = JSON.stringify({ v: MARKER_VERSION, spec, folders });
  try {
    const marker = JSON.parse(fs.readFileSync(path.join(dir, MARKER), 'utf8'));
    if (JSON.stringify({ v: marker.v, spec: marker.spec, folders: marker.folders }) === want) return { ...marker, dir };
  } catch {
    // not fetched yet
  }
  fs.mkdirSync(EXTRA_DIR, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(WORK_DIR, 'tmp-precision-'));
  try {
    log(`  fetching ${spec} ...`);
    const out = execFileSync('npm', ['pack', spec, '--pack-destination', tmp, '--json', '--ignore-scripts', '--silent'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
    const tgz = path.join(tmp, path.basename(JSON.parse(out)[0].filename));
    const unpack = path.join(tmp, 'x');
    fs.mkdirSync(unpack);
    execFileSync('tar', ['-xzf', tgz, '-C', unpack, '--no-same-owner'], { stdio: 'inherit' });
    const pkgRoot = path.join(unpack, 'package');
    let roots = folders ? folders.map((f) => path.join(pkgRoot, f)) : [fs.existsSync(path.join(pkgRoot, 'src')) ? path.join(pkgRoot, 'src') : pkgRoot];
    let files = [];
    for (const root of roots) {
      if (!fs.existsSync(root)) throw new Error(`${spec}: no ${path.relative(pkgRoot, root)} in the tarball`);
      files.push(...(fs.statSync(root).isDirectory() ? walk(root) : [root]).filter(isSource));
    }
    if (!folders && roots[0] === pkgRoot) files = files.filter((f) => !/\/(?:dist|build|coverage|esm|cjs|umd|lib-cov)\//.test(path.relative(pkgRoot, f)));
    if (files.length === 0) throw new Error(`${spec}: no source files`);
    fs.rmSync(dir, { recursive: true, force: true });
    let lines = 0;
    for (const file of files) {
      const dest = path.join(dir, path.relative(pkgRoot, file));
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      const text = fs.readFileSync(file, 'utf8');
      fs.writeFileSync(dest, text);
      lines += text.split('\n').length;
    }
    // The package's own package.json: rules read dependency versions from the nearest one.
    fs.copyFileSync(path.join(pkgRoot, 'package.json'), path.join(dir, 'package.json'));
    const info = { v: MARKER_VERSION, spec, folders, files: files.length, lines, fetchedAt: new Date().toISOString() };
    fs.writeFileSync(path.join(dir, MARKER), JSON.stringify(info, null, 2) + '\n');
    return { ...info, dir };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Corpus mirror. The benchmark corpus keeps only sources, so the nearest package.json above a
// corpus file would be this repository's own, and rules that read dependency versions
// (redis, cache-manager, lru-cache, next, the React Compiler) would see the plugin's
// devDependencies. The mirror hard-links the sources into perf/.work/precision/corpus/<name>/
// and adds the package's own package.json (from \`npm pack\`, offline when npm's cache has it).

function packageJsonOf(spec, log) {
  const tmp = fs.mkdtempSync(path.join(WORK_DIR, 'tmp-precision-'));
  try {
    const pack = (offline) =>
      execFileSync('npm', ['pack', spec, '--pack-destination', tmp, '--json', '--ignore-scripts', '--silent', ...(offline ? ['--offline'] : [])], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    let out;
    try {
      out = pack(true);
    } catch {
      log(`  fetching ${spec} (package.json) ...`);
      out = pack(false);
    }
    const tgz = path.join(tmp, path.basename(JSON.parse(out)[0].filename));
    execFileSync('tar', ['-xzf', tgz, '-C', tmp, '--no-same-owner', 'package/package.json'], { stdio: 'inherit' });
    return fs.readFileSync(path.join(tmp, 'package', 'package.json'), 'utf8');
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function mirrorCorpus(packages, log) {
  const root = path.join(OUT_DIR, 'corpus');
  fs.mkdirSync(root, { recursive: true });
  for (const p of packages) {
    const name = path.basename(p.dir);
    const dest = path.join(root, name);
    const markerFile = path.join(dest, MARKER);
    try {
      if (JSON.parse(fs.readFileSync(markerFile, 'utf8')).spec === p.spec) continue;
    } catch {
      // not mirrored yet
    }
    fs.rmSync(dest, { recursive: true, force: true });
    execFileSync('cp', ['-al', p.dir, dest]);
    fs.rmSync(path.join(dest, 'package.json'), { force: true });
    fs.writeFileSync(path.join(dest, 'package.json'), packageJsonOf(p.spec, log));
    fs.writeFileSync(markerFile, JSON.stringify({ spec: p.spec }) + '\n');
  }
  return root;
}

// ---------------------------------------------------------------------------------------------
// Linting

function writeConfig(opts) {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const parserUrl = import.meta.resolve('@typescript-eslint/parser');
  const text = `// Generated by perf/precision.mjs. Do not edit: rewritten on every run.
import tsParser from ${JSON.stringify(parserUrl)};
import * as pluginModule from ${JSON.stringify(pathToFileURL(opts.plugin).href)};

const plugin = pluginModule.default ?? pluginModule;
const FILES = ${JSON.stringify(FILES)};
export default [
  {
    name: 'precision/base',
    files: FILES,
    languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
    linterOptions: { reportUnusedDisableDirectives: 'off', noInlineConfig: true },
  },
  { ...plugin.configs[${JSON.stringify(opts.config)}], files: FILES },
];
`;
  const file = path.join(OUT_DIR, 'eslint.config.mjs');
  fs.writeFileSync(file, text);
  return file;
}

async function lint(opts, targets, log) {
  const { ESLint } = await import('eslint');
  const configFile = writeConfig(opts);
  const findings = [];
  let files = 0;
  const fatal = [];
  for (const target of targets) {
    const eslint = new ESLint({ cwd: target.root, overrideConfigFile: configFile, concurrency: opts.concurrency, cache: false, errorOnUnmatchedPattern: false });
    log(`  linting ${target.label} (${target.dirs.length} folders) ...`);
    const t0 = Date.now();
    const results = await eslint.lintFiles(target.dirs);
    log(`    ${results.length} files, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    files += results.length;
    for (const result of results) {
      const rel = path.relative(target.root, result.filePath);
      let lines = null;
      for (const m of result.messages) {
        if (m.fatal) {
          fatal.push(`${target.label}/${rel}:${m.line}: ${m.message}`);
          continue;
        }
        if (!m.ruleId?.startsWith('cache/')) continue;
        lines ??= (result.source ?? fs.readFileSync(result.filePath, 'utf8')).split('\n');
        findings.push({
          rule: m.ruleId.slice('cache/'.length),
          file: `${target.label}/${rel}`,
          package: target.packages[rel.split(path.sep)[0]] ?? rel.split(path.sep)[0],
          line: m.line,
          column: m.column,
          messageId: m.messageId,
          message: m.message,
          fix: Boolean(m.fix),
          suggestions: m.suggestions?.length ?? 0,
          excerpt: excerpt(lines, m.line),
        });
      }
    }
  }
  findings.sort((a, b) => a.rule.localeCompare(b.rule) || a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return { files, findings, fatal };
}

// ---------------------------------------------------------------------------------------------
// Sample and review

// A finding's identity: rule, file, line and, when a rule reports one line more than once, the
// occurrence (\`n\`, 0-based, in column order; a review entry without \`n\` means 0).
const keyOf = (f) => `${f.rule}|${f.file}|${f.line}|${f.n ?? 0}`;
function numberOccurrences(findings) {
  const count = new Map();
  for (const f of findings) {
    const k = `${f.rule}|${f.file}|${f.line}`;
    f.n = count.get(k) ?? 0;
    count.set(k, f.n + 1);
  }
}
const order = (f) => crypto.createHash('sha1').update(`${f.rule}|${f.file}|${f.line}|${f.column}|${f.message}`).digest('hex');

function readReview(file) {
  if (!fs.existsSync(file)) return [];
  return JSON.parse(fs.readFileSync(file, 'utf8')).findings ?? [];
}

function drawSample(rule, findings, review, size) {
  const reviewed = new Map(review.filter((r) => r.rule === rule).map((r) => [keyOf(r), r]));
  const seen = new Set();
  const mine = findings.filter((f) => f.rule === rule);
  const sample = [];
  // Every reviewed finding that still occurs (a review may cover more than `size`), then the rest
  // in hash order up to `size`.
  for (const f of mine) {
    const k = keyOf(f);
    if (reviewed.has(k)) {
      sample.push({ ...f, review: reviewed.get(k) });
      seen.add(k);
    }
  }
  for (const f of [...mine].sort((a, b) => order(a).localeCompare(order(b)))) {
    if (sample.length >= size) break;
    const k = keyOf(f);
    if (seen.has(k)) continue;
    sample.push({ ...f, review: null });
  }
  return sample;
}

function table(rows, markdown) {
  const head = Object.keys(rows[0]);
  const body = rows.map((r) => head.map((h) => String(r[h])));
  if (markdown) {
    const lines = [`| ${head.join(' | ')} |`, `|${head.map((h, i) => (i === 0 ? '---' : '---:')).join('|')}|`];
    for (const r of body) lines.push(`| ${r.join(' | ')} |`);
    return lines.join('\n');
  }
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const fmt = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [fmt(head), ...body.map(fmt)].join('\n');
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.help) {
    console.log(HELP);
    return 0;
  }
  const log = (m) => console.error(m);
  if (!fs.existsSync(opts.plugin)) {
    log(`${path.relative(REPO_ROOT, opts.plugin)} not found: run \`npm run build\` first`);
    return 2;
  }
  const plugin = (await import(pathToFileURL(opts.plugin).href)).default;
  const ruleNames = Object.keys(plugin.configs[opts.config]?.rules ?? {}).map((r) => r.replace(/^cache\//, ''));
  if (ruleNames.length === 0) throw new Error(`the plugin has no configs.${opts.config}`);

  const targets = [];
  const specs = [];
  if (opts.corpus) {
    const corpus = ensureCorpus({ listFile: DEFAULT_CORPUS_LIST, extraListFile: DEFAULT_EXTRA_LIST, log });
    const packages = Object.fromEntries(corpus.packages.map((p) => [path.basename(p.dir), p.spec]));
    specs.push(...corpus.packages.map((p) => ({ spec: p.spec, list: p.extra ? 'perf/corpus-extra.txt' : '../shared/bench-corpus.txt', files: p.files })));
    targets.push({ label: 'corpus', root: mirrorCorpus(corpus.packages, log), dirs: Object.keys(packages), packages });
  }
  if (opts.extra && fs.existsSync(opts.precisionList)) {
    const infos = readPrecisionList(opts.precisionList).map((entry) => fetchExtra(entry, log));
    const packages = Object.fromEntries(infos.map((p) => [path.basename(p.dir), p.spec]));
    specs.push(...infos.map((p) => ({ spec: p.spec, list: 'perf/precision-extra.txt', files: p.files })));
    targets.push({ label: 'extra', root: EXTRA_DIR, dirs: Object.keys(packages), packages });
  }

  const { files, findings, fatal } = await lint(opts, targets, log);
  numberOccurrences(findings);
  const review = readReview(opts.review);
  const commit = (() => {
    try {
      // The checkout the plugin was built from (a worktree of another commit works too).
      const top = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: path.dirname(opts.plugin), encoding: 'utf8' }).trim();
      const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: top, encoding: 'utf8' }).trim();
      const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'rules'], { cwd: top, encoding: 'utf8' }).trim();
      return dirty ? `${head} (+ uncommitted changes in src/ or rules/)` : head;
    } catch {
      return 'unknown';
    }
  })();

  const rows = [];
  const samples = {};
  const stale = review.filter((r) => !findings.some((f) => keyOf(f) === keyOf(r)));
  for (const rule of ruleNames) {
    const mine = findings.filter((f) => f.rule === rule);
    const sample = drawSample(rule, findings, review, opts.sample);
    samples[rule] = sample;
    const count = (v) => sample.filter((s) => s.review?.verdict === v).length;
    const tp = count('TP');
    const fp = count('FP');
    const deb = count('debatable');
    const unreviewed = sample.filter((s) => !s.review).length;
    rows.push({
      rule,
      findings: mine.length,
      ...Object.fromEntries(targets.length > 1 ? targets.map((t) => [t.label, mine.filter((f) => f.file.startsWith(`${t.label}/`)).length]) : []),
      files: new Set(mine.map((f) => f.file)).size,
      sampled: sample.length,
      TP: tp,
      FP: fp,
      debatable: deb,
      precision: tp + fp ? `${Math.round((100 * tp) / (tp + fp))}%` : '-',
      ...(unreviewed ? { unreviewed } : {}),
    });
  }
  for (const r of rows) r.unreviewed ??= 0;
  if (rows.every((r) => r.unreviewed === 0)) for (const r of rows) delete r.unreviewed;

  fs.mkdirSync(OUT_DIR, { recursive: true });
  const meta = { commit, plugin: path.relative(REPO_ROOT, opts.plugin), config: opts.config, files, findings: findings.length, packages: specs, date: new Date().toISOString() };
  fs.writeFileSync(path.join(OUT_DIR, 'findings.json'), JSON.stringify({ ...meta, findings }, null, 2) + '\n');
  fs.writeFileSync(path.join(OUT_DIR, 'sample.json'), JSON.stringify({ ...meta, samples }, null, 2) + '\n');

  console.log(`plugin ${meta.plugin} at ${commit}, configs.${opts.config} (${ruleNames.length} rules); ${files} files, ${findings.length} findings`);
  if (fatal.length) console.log(`${fatal.length} files did not parse:\n  ${fatal.slice(0, 20).join('\n  ')}`);
  console.log(table(rows, opts.markdown));
  const total = rows.reduce((acc, r) => ({ tp: acc.tp + r.TP, fp: acc.fp + r.FP, deb: acc.deb + r.debatable, n: acc.n + r.sampled }), { tp: 0, fp: 0, deb: 0, n: 0 });
  console.log(`sampled ${total.n}: ${total.tp} TP, ${total.fp} FP, ${total.deb} debatable; precision ${total.tp + total.fp ? Math.round((100 * total.tp) / (total.tp + total.fp)) : '-'}%`);
  if (stale.length) {
    console.log(`\n${stale.length} reviewed findings no longer occur (a rule changed):`);
    for (const r of stale) console.log(`  ${r.rule} ${r.file}:${r.line} (${r.verdict})`);
  }
  if (opts.markdown) {
    // The reviewed sample per rule, as docs/precision.md shows it.
    for (const [rule, sample] of Object.entries(samples)) {
      if (sample.length === 0) continue;
      console.log(`\n#### ${rule}: sample\n\n| finding | package | verdict | why |\n|---|---|---|---|`);
      for (const s of sample) {
        const where = `\`${s.file.replace(/^[^/]+\/[^/]+\//, '')}:${s.line}\`${s.n ? ` (#${s.n + 1})` : ''}`;
        console.log(`| ${where} | ${s.package} | ${s.review?.verdict ?? 'unreviewed'} | ${(s.review?.reason ?? s.message).replaceAll('|', '\\|')} |`);
      }
    }
  }
  if (opts.showSample) {
    for (const [rule, sample] of Object.entries(samples)) {
      for (const s of sample) {
        console.log(`\n[${rule}] ${s.file}:${s.line}:${s.column} ${s.review ? `(${s.review.verdict}: ${s.review.reason})` : '(unreviewed)'}\n  ${s.message}\n${s.excerpt}`);
      }
    }
  }
  console.log(`\nwrote ${path.relative(REPO_ROOT, path.join(OUT_DIR, 'findings.json'))} and sample.json`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(err.stack ?? err.message);
    process.exitCode = 2;
  },
);
