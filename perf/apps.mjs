#!/usr/bin/env node
// The application corpus: open-source services and Next.js/React apps pinned by commit in
// perf/apps/corpus.txt, and the labels in perf/apps/labels/ that say, site by site, what is a
// caching bug there and what only looks like one. This script extracts the corpus, runs the
// plugin (every rule) and the codemod's cross-file checks over it, and scores the findings
// against the labels: precision and recall per rule, per category and per config.
//
//   node perf/apps.mjs extract               # perf/.work/apps/<owner>__<name>/ from the git snapshots
//   node perf/apps.mjs findings [--repo R]   # lint; perf/.work/apps-findings/<owner>__<name>.json
//   node perf/apps.mjs score [--markdown]    # the tables (npm run precision = build + all three)
//   node perf/apps.mjs unlabelled [--repo R] [--rule X]   # findings no label covers, with excerpts
//   --findings <dir> scores (or lints into) another folder, e.g. an earlier build's findings
//
// See perf/apps/README.md for the label format and how a finding is matched to a label.

import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { excerpt, readCorpusList } from './corpus.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(here, '..');
const CORPUS_LIST = path.join(here, 'apps', 'corpus.txt');
const LABEL_DIR = path.join(here, 'apps', 'labels');
const WORK = path.join(here, '.work');
const APPS_DIR = path.join(WORK, 'apps');
let FINDINGS_DIR = path.join(WORK, 'apps-findings');
const MIRROR = process.env.APPS_MIRROR ?? path.resolve(REPO_ROOT, '..', '.mirror');
const DEFAULT_PLUGIN = path.join(REPO_ROOT, 'dist', 'src', 'index.js');
const CLI = path.join(REPO_ROOT, 'dist', 'src', 'codemod', 'cli.js');
const MARKER = '.apps-corpus.json';
const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
// Left out of the corpus: tests, fixtures, stories, generated and vendored code. The rules are
// measured on application code; tests are full of deliberate anti-patterns.
const SKIP = [
  /(?:^|\/)(?:node_modules|dist|build|\.next|out|coverage|vendor|\.yarn|public|static|generated|__generated__|__mocks__|__tests__|__fixtures__|fixtures|test|tests|e2e|cypress|spec|playwright|migrations|stories|\.storybook)\//,
  /\.(?:test|spec|stories|story|e2e|d)\.[cm]?[jt]sx?$/,
  /\.min\.[cm]?js$/,
];
/** Label categories and the rules or codemod checks that report each. */
export const CATEGORIES = {
  'unbounded-cache': ['no-unbounded-cache'],
  'missing-ttl': ['require-cache-ttl'],
  'cache-null-or-error': ['no-cache-nullish'],
  'cache-key-incomplete': ['exhaustive-cache-key'],
  'missing-invalidation': ['require-mutation-invalidation', 'codemod/stale-cross-module-write'],
  'key-collision': ['codemod/cache-key-collision'],
  'trivial-memo': ['no-trivial-memo'],
  'memo-child': ['codemod/memo-defeated-by-prop', 'codemod/memo-for-unmemoized-child'],
  'per-user-vary': ['no-per-user-vary'],
  'mutation-cacheable': ['require-no-store-on-mutation'],
  'public-private-data': ['no-public-cache-on-private-data'],
  'missing-vary': ['require-vary'],
  'invalid-cache-control': ['valid-cache-control'],
  'naive-etag': ['no-naive-etag-comparison'],
  'private-fetch-cached': ['no-cached-private-fetch'],
  'redis-keys': ['no-redis-keys'],
  'no-cache-fallback': ['require-cache-fallback'],
  'stampede': ['prefer-stampede-protection'],
};
const CATEGORY_OF_RULE = new Map(Object.entries(CATEGORIES).flatMap(([c, rules]) => rules.map((r) => [r, c])));
/** A finding matches a label of its category on the same file within this many lines. */
const SLACK = 3;

export function readCorpus(file = CORPUS_LIST) {
  return readCorpusList(file).map((line) => {
    const [repo, commit, kind, folders] = line.split(/\s+/);
    if (!/^[\w.-]+\/[\w.-]+$/.test(repo) || !/^[0-9a-f]{40}$/.test(commit) || !folders) throw new Error(`${file}: bad line: ${line}`);
    return { repo, commit, kind, folders: folders.split(','), slug: repo.replace('/', '__') };
  });
}

function gitDir(repo) {
  const base = path.join(MIRROR, repo.replace('/', '+'), 'repo');
  if (fs.existsSync(path.join(base, '.git'))) return path.join(base, '.git');
  return fs.existsSync(path.join(base, 'HEAD')) ? base : null;
}

const skipped = (rel) => SKIP.some((re) => re.test(rel));

function extract(entry, log) {
  const dir = path.join(APPS_DIR, entry.slug);
  const want = { commit: entry.commit, folders: entry.folders, skip: SKIP.map(String) };
  try {
    const marker = JSON.parse(fs.readFileSync(path.join(dir, MARKER), 'utf8'));
    if (JSON.stringify({ commit: marker.commit, folders: marker.folders, skip: marker.skip }) === JSON.stringify(want)) return marker;
  } catch {
    // not extracted yet
  }
  const git = gitDir(entry.repo);
  if (!git) {
    log(`  missing: ${entry.repo} (no snapshot under ${MIRROR}; bring it with the search tool's fetch, github:${entry.repo})`);
    return null;
  }
  const names = execFileSync('git', ['--git-dir', git, 'ls-tree', '-r', '--name-only', entry.commit, '--', ...entry.folders], { encoding: 'utf8', maxBuffer: 256 << 20 })
    .split('\n')
    .filter((f) => f && SOURCE.test(f) && !skipped(f));
  // package.json files along the way: rules read dependency versions (next, redis, lru-cache) from the nearest one.
  const pkgs = execFileSync('git', ['--git-dir', git, 'ls-tree', '-r', '--name-only', entry.commit], { encoding: 'utf8', maxBuffer: 256 << 20 })
    .split('\n')
    .filter((f) => /(?:^|\/)(?:package\.json|tsconfig(?:\.[\w-]+)?\.json|jsconfig\.json)$/.test(f) && !/node_modules\//.test(f));
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const tar = spawnSync('sh', ['-c', 'g=$0 c=$1 d=$2; shift 2; git --git-dir "$g" archive "$c" -- "$@" | tar -x -C "$d"', git, entry.commit, dir, ...names, ...pkgs], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 << 20 });
  if (tar.status !== 0) throw new Error(`${entry.repo}: git archive failed: ${tar.stderr}`);
  let lines = 0;
  for (const f of names) lines += fs.readFileSync(path.join(dir, f), 'utf8').split('\n').length;
  const info = { ...want, repo: entry.repo, files: names.length, lines };
  fs.writeFileSync(path.join(dir, MARKER), JSON.stringify(info, null, 2) + '\n');
  log(`  ${entry.repo}: ${names.length} files, ${lines} lines`);
  return info;
}

function writeConfig(plugin) {
  fs.mkdirSync(FINDINGS_DIR, { recursive: true });
  const file = path.join(FINDINGS_DIR, 'eslint.config.mjs');
  fs.writeFileSync(
    file,
    `// Generated by perf/apps.mjs. Every rule of the plugin (configs.all), on every source file.
import tsParser from ${JSON.stringify(import.meta.resolve('@typescript-eslint/parser'))};
import * as pluginModule from ${JSON.stringify(pathToFileURL(plugin).href)};
const plugin = pluginModule.default ?? pluginModule;
const FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'];
export default [
  { files: FILES, languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
    linterOptions: { reportUnusedDisableDirectives: 'off', noInlineConfig: true } },
  { ...plugin.configs.all, files: FILES },
];
`,
  );
  return file;
}

/** Every finding of every rule (ESLint) and of the codemod's cross-file checks on one repository. */
async function findings(entry, opts, log) {
  const dir = path.join(APPS_DIR, entry.slug);
  if (!fs.existsSync(path.join(dir, MARKER))) return null;
  const { ESLint } = await import('eslint');
  const configFile = writeConfig(opts.plugin);
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: configFile, cache: false, errorOnUnmatchedPattern: false, concurrency: opts.concurrency });
  const t0 = Date.now();
  let results;
  try {
    results = await eslint.lintFiles(entry.folders.filter((f) => fs.existsSync(path.join(dir, f))));
  } catch (error) {
    // A rule that throws stops ESLint on the whole run: say where, and go on with the next repository.
    log(`  ${entry.repo}: ESLint stopped: ${String(error.message).split('\n').slice(0, 3).join(' | ')}`);
    return null;
  }
  const out = [];
  const fatal = [];
  const sources = new Map();
  const lineText = (rel) => {
    if (!sources.has(rel)) sources.set(rel, fs.readFileSync(path.join(dir, rel), 'utf8').split('\n'));
    return sources.get(rel);
  };
  for (const result of results) {
    const rel = path.relative(dir, result.filePath).split(path.sep).join('/');
    for (const m of result.messages) {
      if (m.fatal) fatal.push(`${rel}:${m.line}: ${m.message}`);
      else if (m.ruleId?.startsWith('cache/')) out.push({ rule: m.ruleId.slice(6), file: rel, line: m.line, column: m.column, message: m.message });
    }
  }
  const lintSeconds = (Date.now() - t0) / 1000;
  // Cross-file checks: the codemod's scan, keeping only its own checks (the rules came from ESLint above).
  let crossSeconds = 0;
  if (opts.crossFile && fs.existsSync(CLI)) {
    const t1 = Date.now();
    const report = path.join(FINDINGS_DIR, `${entry.slug}.codemod.json`);
    spawnSync(process.execPath, [CLI, 'scan', ...entry.folders.filter((f) => fs.existsSync(path.join(dir, f))), '--format', 'json', '--output', report, '--no-progress', '--fail-on', 'none', '--workers', '1', '--config', configFile], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, GIT_CEILING_DIRECTORIES: path.dirname(dir) },
    });
    crossSeconds = (Date.now() - t1) / 1000;
    try {
      const json = JSON.parse(fs.readFileSync(report, 'utf8'));
      for (const reported of json.files ?? []) {
        for (const f of reported.findings ?? []) {
          const rule = String(f.ruleId ?? '');
          if (!rule.startsWith('cache-codemod/')) continue;
          const file = path.relative(dir, path.resolve(dir, reported.path)).split(path.sep).join('/');
          out.push({ rule: `codemod/${rule.slice('cache-codemod/'.length)}`, file, line: f.line, column: f.column ?? 1, message: f.message });
        }
      }
    } catch (error) {
      log(`    (no cross-file report for ${entry.repo}: ${error.message})`);
    }
  }
  for (const f of out) f.excerpt = excerpt(lineText(f.file), f.line, 2);
  out.sort((a, b) => a.rule.localeCompare(b.rule) || a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  const data = { repo: entry.repo, commit: entry.commit, files: results.length, lintSeconds, crossSeconds, fatal, findings: out };
  fs.writeFileSync(path.join(FINDINGS_DIR, `${entry.slug}.json`), JSON.stringify(data, null, 1) + '\n');
  log(`  ${entry.repo}: ${results.length} files, ${out.length} findings, ${fatal.length} unparsable (lint ${lintSeconds.toFixed(1)} s, cross-file ${crossSeconds.toFixed(1)} s)`);
  return data;
}

/** Extracts every repository of the corpus that has a snapshot; returns the folder holding them. */
export function extractAll(log) {
  const done = readCorpus().map((e) => extract(e, log)).filter(Boolean);
  if (done.length === 0) throw new Error(`no repository of ${CORPUS_LIST} could be extracted (snapshots go under ${MIRROR})`);
  return APPS_DIR;
}

export function readLabels(slug) {
  const file = path.join(LABEL_DIR, `${slug}.json`);
  if (!fs.existsSync(file)) return [];
  const data = JSON.parse(fs.readFileSync(file, 'utf8'));
  const labels = Array.isArray(data) ? data : data.labels;
  for (const [i, l] of labels.entries()) {
    const where = `${file} label ${i}`;
    if (!CATEGORIES[l.category]) throw new Error(`${where}: unknown category ${l.category}`);
    if (l.verdict !== 'bug' && l.verdict !== 'ok') throw new Error(`${where}: verdict must be bug or ok`);
    if (typeof l.path !== 'string' || !Number.isInteger(l.line)) throw new Error(`${where}: needs path and line`);
    if (!l.reason) throw new Error(`${where}: needs a reason`);
  }
  return labels;
}

/** The labels a finding falls on: same file, a category its rule reports, within the label's lines ± SLACK. */
export function matchingLabels(finding, labels) {
  const category = CATEGORY_OF_RULE.get(finding.rule);
  return labels.filter((l) => l.category === category && l.path === finding.file && finding.line >= l.line - SLACK && finding.line <= (l.endLine ?? l.line) + SLACK);
}

/** Scores findings against labels. A finding is TP when it falls on a bug label, FP on an ok label, else unlabelled. */
export function score(repos, pluginConfigs) {
  const perRule = new Map();
  const perCategory = new Map();
  const unlabelled = [];
  const row = (map, key) => {
    if (!map.has(key)) map.set(key, { findings: 0, tp: 0, fp: 0, unlabelled: 0, bugs: 0, found: 0, hardNegatives: 0, repos: new Set() });
    return map.get(key);
  };
  for (const { entry, data, labels } of repos) {
    for (const l of labels) {
      const c = row(perCategory, l.category);
      if (l.verdict === 'bug') c.bugs++;
      else c.hardNegatives++;
    }
    const hitBugs = new Set();
    for (const f of data?.findings ?? []) {
      const r = row(perRule, f.rule);
      r.findings++;
      r.repos.add(entry.repo);
      const on = matchingLabels(f, labels);
      if (on.some((l) => l.verdict === 'bug')) {
        r.tp++;
        for (const l of on) if (l.verdict === 'bug') hitBugs.add(l);
      } else if (on.length > 0) r.fp++;
      else {
        r.unlabelled++;
        unlabelled.push({ repo: entry.repo, ...f });
      }
    }
    for (const l of hitBugs) row(perCategory, l.category).found++;
  }
  const configOf = (rule) => {
    if (rule.startsWith('codemod/')) return 'codemod';
    const id = `cache/${rule}`;
    for (const name of ['recommended', 'strict']) if (pluginConfigs[name]?.rules?.[id]) return name;
    return 'all';
  };
  return { perRule, perCategory, unlabelled, configOf };
}

const pct = (n, d) => (d === 0 ? '–' : `${Math.round((100 * n) / d)}%`);

function report({ perRule, perCategory, configOf }, repos, markdown) {
  const rules = [...perRule.keys()].sort();
  const lines = [];
  const table = (head, rows) => {
    if (markdown) {
      lines.push(`| ${head.join(' | ')} |`, `|${head.map((h, i) => (i === 0 ? '---' : '---:')).join('|')}|`);
      for (const r of rows) lines.push(`| ${r.join(' | ')} |`);
    } else {
      const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
      const fmt = (r) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
      lines.push(fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt));
    }
    lines.push('');
  };
  const ruleRows = rules.map((rule) => {
    const r = perRule.get(rule);
    return [rule, configOf(rule), r.findings, r.repos.size, r.tp, r.fp, r.unlabelled, pct(r.tp, r.tp + r.fp)];
  });
  lines.push(markdown ? '### Per rule' : 'Per rule (TP = on a bug label, FP = on a hard negative, unlabelled = on neither)', '');
  table(['rule', 'config', 'findings', 'repos', 'TP', 'FP', 'unlabelled', 'precision'], ruleRows);
  const configs = ['recommended', 'strict', 'codemod'];
  const cfgRows = configs.map((cfg) => {
    const inCfg = rules.filter((r) => (cfg === 'strict' ? ['recommended', 'strict'].includes(configOf(r)) : configOf(r) === cfg));
    const sum = (k) => inCfg.reduce((s, r) => s + perRule.get(r)[k], 0);
    return [cfg === 'strict' ? 'strict (incl. recommended)' : cfg, inCfg.length, sum('findings'), sum('tp'), sum('fp'), sum('unlabelled'), pct(sum('tp'), sum('tp') + sum('fp'))];
  });
  lines.push(markdown ? '### Per config' : 'Per config', '');
  table(['config', 'rules with findings', 'findings', 'TP', 'FP', 'unlabelled', 'precision'], cfgRows);
  const catRows = Object.keys(CATEGORIES)
    .filter((c) => perCategory.has(c))
    .map((c) => {
      const r = perCategory.get(c);
      return [c, CATEGORIES[c].join(', '), r.bugs, r.hardNegatives, r.found, pct(r.found, r.bugs)];
    });
  lines.push(markdown ? '### Recall per category' : 'Recall per category (bug labels some finding falls on)', '');
  table(['category', 'rules', 'bugs', 'hard negatives', 'found', 'recall'], catRows);
  const total = repos.reduce((s, r) => s + r.labels.length, 0);
  const bugs = repos.reduce((s, r) => s + r.labels.filter((l) => l.verdict === 'bug').length, 0);
  lines.push(`${repos.length} repositories, ${repos.reduce((s, r) => s + (r.data?.files ?? 0), 0)} files linted, ${total} labels (${bugs} bugs, ${total - bugs} hard negatives).`);
  return lines.join('\n');
}

function parseArgs(argv) {
  const opts = { command: argv[0] ?? 'all', repo: null, rule: null, markdown: false, plugin: DEFAULT_PLUGIN, crossFile: true, concurrency: 'off', json: null };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (argv[i + 1] === undefined) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--repo') opts.repo = value();
    else if (a === '--rule') opts.rule = value();
    else if (a === '--markdown') opts.markdown = true;
    else if (a === '--plugin') opts.plugin = path.resolve(value());
    else if (a === '--no-cross-file') opts.crossFile = false;
    else if (a === '--concurrency') opts.concurrency = value();
    else if (a === '--json') opts.json = path.resolve(value());
    else if (a === '--findings') FINDINGS_DIR = path.resolve(value());
    else throw new Error(`unknown option ${a}`);
  }
  if (/^\d+$/.test(opts.concurrency)) opts.concurrency = Number(opts.concurrency);
  return opts;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const log = (s) => process.stderr.write(s + '\n');
  const corpus = readCorpus().filter((e) => !opts.repo || e.repo === opts.repo || e.slug === opts.repo);
  if (corpus.length === 0) throw new Error(`no repository ${opts.repo} in ${CORPUS_LIST}`);
  if (['extract', 'all'].includes(opts.command)) {
    log('Extracting the application corpus ...');
    for (const e of corpus) extract(e, log);
  }
  if (['findings', 'all'].includes(opts.command)) {
    if (!fs.existsSync(opts.plugin)) throw new Error(`${opts.plugin} does not exist: run npm run build`);
    log('Linting (configs.all) and the codemod cross-file checks ...');
    for (const e of corpus) await findings(e, opts, log);
  }
  const loaded = corpus.map((entry) => {
    const file = path.join(FINDINGS_DIR, `${entry.slug}.json`);
    return { entry, labels: readLabels(entry.slug), data: fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null };
  });
  if (opts.command === 'unlabelled') {
    for (const { entry, data, labels } of loaded) {
      for (const f of data?.findings ?? []) {
        if (opts.rule && f.rule !== opts.rule) continue;
        if (matchingLabels(f, labels).length) continue;
        console.log(`${entry.repo} ${f.file}:${f.line}:${f.column} ${f.rule}\n  ${f.message}\n${f.excerpt}\n`);
      }
    }
    return;
  }
  if (['score', 'all'].includes(opts.command)) {
    const missing = loaded.filter((r) => !r.data).map((r) => r.entry.repo);
    if (missing.length) log(`No findings for: ${missing.join(', ')} (extract, then findings)`);
    const plugin = (await import(pathToFileURL(opts.plugin).href)).default;
    const result = score(loaded, plugin.configs);
    console.log(report(result, loaded, opts.markdown));
    if (opts.json) fs.writeFileSync(opts.json, JSON.stringify({ perRule: Object.fromEntries([...result.perRule].map(([k, v]) => [k, { ...v, repos: [...v.repos], config: result.configOf(k) }])), perCategory: Object.fromEntries(result.perCategory) }, null, 2) + '\n');
    if (result.unlabelled.length) log(`\n${result.unlabelled.length} findings fall on no label: node perf/apps.mjs unlabelled [--repo R] [--rule X]`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((error) => {
    console.error(`perf/apps.mjs: ${error.message}`);
    process.exit(1);
  });
}
