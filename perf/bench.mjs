// Benchmark of eslint-plugin-cache against ESLint's parse-only floor and peer plugins.
// `node perf/bench.mjs --help` for the options; perf/README.md for the method.
//
// Each scenario is its own process: the project's ESLint CLI (node_modules/eslint/bin/eslint.js)
// with a generated flat config (perf/.work/configs/<scenario>.mjs), `--stats`, and
// perf/stats-formatter.cjs, which sums the per-file parse / rule / fix / total times and counts
// messages per rule into a JSON file. The process runs under `/usr/bin/time -v` (peak RSS, CPU);
// without GNU time, perf/rusage-probe.mjs is preloaded with `node --import` instead.
// Wall time is taken here around the child process.

import { spawn, execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { CORPUS_DIR, DEFAULT_CORPUS_LIST, REPO_ROOT, WORK_DIR, ensureCorpus, packageDir, printCorpus } from './corpus.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const CONFIG_DIR = path.join(WORK_DIR, 'configs');
const RESULTS_DIR = path.join(WORK_DIR, 'results');
const RUNS_DIR = path.join(WORK_DIR, 'runs');
const TOOLS_SRC = path.join(here, 'tools');
const TOOLS_DIR = path.join(WORK_DIR, 'tools');
const ESLINT_BIN = path.join(REPO_ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');
const FORMATTER = path.join(here, 'stats-formatter.cjs');
const RUSAGE_PROBE = path.join(here, 'rusage-probe.mjs');
const GNU_TIME = '/usr/bin/time';
const DEFAULT_PLUGIN = path.join(REPO_ROOT, 'dist', 'src', 'index.js');
const PLUGIN_PREFIX = 'cache/';

// Files the scenarios lint (JS too, for --extra plain-JS packages; the pinned corpus is all TS).
const FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'];

// Goals (docs: /work/shared/research/performance.md, section 7).
const GOAL_RECOMMENDED_TOTAL = 5; // % of parse, sum of the recommended rules
const GOAL_PER_RULE = 1.5; // % of parse, each rule
const GOAL_WALL_VS_EMPTY_RULE = 1.05; // whole process, recommended / empty-rule (when measured)
const REFERENCE_EXHAUSTIVE_DEPS = 1.6; // % of parse, react-hooks/exhaustive-deps in performance.md

const PEERS = {
  'react-hooks': { pkg: 'eslint-plugin-react-hooks' },
  'tanstack-query': { pkg: '@tanstack/eslint-plugin-query' },
};

/** Scenario definitions. `kind`: floor | ours | peer | probe. */
const SCENARIOS = {
  parse: {
    kind: 'floor',
    description: 'no rules: parse-only floor',
    body: () => `export default [base];`,
  },
  recommended: {
    kind: 'ours',
    description: 'eslint-plugin-cache configs.recommended',
    body: (ctx) => oursBody(ctx, 'recommended'),
  },
  strict: {
    kind: 'ours',
    description: 'eslint-plugin-cache configs.strict (not in the default set)',
    body: (ctx) => oursBody(ctx, 'strict'),
  },
  all: {
    kind: 'ours',
    description: 'eslint-plugin-cache configs.all',
    body: (ctx) => oursBody(ctx, 'all'),
  },
  'react-hooks': {
    kind: 'peer',
    description: 'eslint-plugin-react-hooks classic: rules-of-hooks + exhaustive-deps',
    body: () => `import reactHooks from ${JSON.stringify(shimUrl('react-hooks'))};
export default [
  base,
  {
    name: 'bench/react-hooks-classic',
    files: FILES,
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
];`,
  },
  'tanstack-query': {
    kind: 'peer',
    description: "@tanstack/eslint-plugin-query configs['flat/recommended']",
    body: () => `import pluginQuery from ${JSON.stringify(shimUrl('tanstack-query'))};
export default [base, ...[pluginQuery.configs['flat/recommended']].flat().map(withFiles)];`,
  },
  'empty-rule': {
    kind: 'probe',
    description: 'one rule whose create() returns {} (ESLint fixed cost of any rule)',
    body: () => `const emptyPlugin = { rules: { empty: { meta: { type: 'problem', schema: [] }, create: () => ({}) } } };
export default [base, { name: 'bench/empty-rule', files: FILES, plugins: { bench: emptyPlugin }, rules: { 'bench/empty': 'error' } }];`,
  },
};
const DEFAULT_SCENARIOS = ['parse', 'recommended', 'all', 'react-hooks', 'tanstack-query'];

const HELP = `usage: node perf/bench.mjs [options]

Runs ESLint (the project's node_modules/eslint) once per scenario and round, each in its own
process, on the pinned corpus (fetched on first use into perf/.work/corpus) or on --target.

Scenarios: ${Object.entries(SCENARIOS).map(([n, s]) => `\n  ${n.padEnd(15)} ${s.description}`).join('')}
  (default: ${DEFAULT_SCENARIOS.join(',')}; strict and empty-rule only with --only)

Options:
  --only <a,b,...>        scenarios to run
  --runs <N>              rounds, scenarios round-robin; medians of per-round ratios (default 1)
  --target <dir>          lint this folder instead of the corpus (e.g. perf/.work/corpus/ra-core)
  --corpus-list <file>    package list (default ../shared/bench-corpus.txt from the repo root)
  --extra <spec,...>      add packages to the corpus (JS files kept too) and lint them
  --plugin <file>         our plugin module (default dist/src/index.js); its default export needs
                          configs.recommended and configs.all (flat config objects)
  --import-runs <N>       plugin import-time samples, separate processes (default 5, 0 = skip)
  --measure <how>         time (GNU /usr/bin/time -v) | probe (node --import rusage probe);
                          default: time if ${GNU_TIME} exists
  --markdown              also print the tables as markdown
  --fetch-only            fetch / check the corpus and stop
  --list                  list the scenarios and stop
  -h, --help              this text

Writes perf/.work/results/<timestamp>.json; logs and raw per-run files in perf/.work/runs/.`;

// ---------------------------------------------------------------------------------------------
// Options

function parseArgs(argv) {
  const opts = {
    only: null,
    runs: 1,
    target: null,
    corpusList: DEFAULT_CORPUS_LIST,
    extras: [],
    plugin: DEFAULT_PLUGIN,
    importRuns: 5,
    measure: fs.existsSync(GNU_TIME) ? 'time' : 'probe',
    markdown: false,
    fetchOnly: false,
    list: false,
    help: false,
  };
  const value = (i, name) => {
    const v = argv[i];
    if (v === undefined || v.startsWith('--')) throw new Error(`${name} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const next = () => (inline !== undefined ? inline : value(++i, name));
    switch (name) {
      case '--only':
        opts.only = splitList(next());
        break;
      case '--runs':
        opts.runs = positiveInt(next(), name);
        break;
      case '--target':
        opts.target = path.resolve(next());
        break;
      case '--corpus-list':
        opts.corpusList = path.resolve(next());
        break;
      case '--extra':
        opts.extras.push(...splitList(next()));
        break;
      case '--plugin':
        opts.plugin = path.resolve(next());
        break;
      case '--import-runs':
        opts.importRuns = nonNegativeInt(next(), name);
        break;
      case '--measure':
        opts.measure = next();
        if (!['time', 'probe'].includes(opts.measure)) throw new Error('--measure must be time or probe');
        break;
      case '--markdown':
        opts.markdown = true;
        break;
      case '--fetch-only':
        opts.fetchOnly = true;
        break;
      case '--list':
        opts.list = true;
        break;
      case '-h':
      case '--help':
        opts.help = true;
        break;
      default:
        throw new Error(`unknown option ${arg} (see --help)`);
    }
  }
  if (opts.only) {
    for (const name of opts.only) {
      if (!SCENARIOS[name]) throw new Error(`unknown scenario ${name}; known: ${Object.keys(SCENARIOS).join(', ')}`);
    }
  }
  if (opts.target && opts.extras.length) throw new Error('--extra adds to the corpus; it cannot be combined with --target');
  if (opts.target && !fs.statSync(opts.target, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error(`--target ${opts.target} is not a folder`);
  }
  return opts;
}

function splitList(s) {
  return s.split(',').map((x) => x.trim()).filter(Boolean);
}
function positiveInt(s, name) {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer`);
  return n;
}
function nonNegativeInt(s, name) {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer`);
  return n;
}

// ---------------------------------------------------------------------------------------------
// Peer tools (installed on demand into perf/.work/tools from a copy of perf/tools/package.json)

function shimUrl(peer) {
  return pathToFileURL(path.join(TOOLS_DIR, 'shims', `${peer}.mjs`)).href;
}

function readIfExists(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function toolsHash() {
  const h = crypto.createHash('sha256');
  h.update(fs.readFileSync(path.join(TOOLS_SRC, 'package.json')));
  h.update(readIfExists(path.join(TOOLS_SRC, 'package-lock.json')) ?? '');
  return h.digest('hex');
}

function ensureTools(log) {
  const markerFile = path.join(TOOLS_DIR, '.bench-tools.json');
  const marker = readIfExists(markerFile);
  if (marker && JSON.parse(marker).hash === toolsHash() && fs.existsSync(path.join(TOOLS_DIR, 'node_modules'))) return;

  log(`installing peer plugins (perf/tools/package.json) into ${path.relative(REPO_ROOT, TOOLS_DIR)} ...`);
  fs.mkdirSync(TOOLS_DIR, { recursive: true });
  fs.copyFileSync(path.join(TOOLS_SRC, 'package.json'), path.join(TOOLS_DIR, 'package.json'));
  const srcLock = path.join(TOOLS_SRC, 'package-lock.json');
  const destLock = path.join(TOOLS_DIR, 'package-lock.json');
  const hadLock = fs.existsSync(srcLock);
  if (hadLock) fs.copyFileSync(srcLock, destLock);
  else fs.rmSync(destLock, { force: true });
  // --legacy-peer-deps: eslint and typescript (peers) resolve to the project's own copies.
  execFileSync(
    'npm',
    ['install', '--prefix', TOOLS_DIR, '--legacy-peer-deps', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (!hadLock && fs.existsSync(destLock)) {
    fs.copyFileSync(destLock, srcLock);
    log(`generated ${path.relative(REPO_ROOT, srcLock)} (commit it)`);
  }
  fs.mkdirSync(path.join(TOOLS_DIR, 'shims'), { recursive: true });
  for (const [peer, { pkg }] of Object.entries(PEERS)) {
    // One module per peer, so a scenario loads only its own plugin; bare specifiers resolve
    // from perf/.work/tools/node_modules.
    fs.writeFileSync(path.join(TOOLS_DIR, 'shims', `${peer}.mjs`), `export { default } from ${JSON.stringify(pkg)};\n`);
  }
  fs.writeFileSync(markerFile, JSON.stringify({ hash: toolsHash(), installedAt: new Date().toISOString() }) + '\n');
}

function peerVersions() {
  const out = {};
  for (const [peer, { pkg }] of Object.entries(PEERS)) {
    const pj = readIfExists(path.join(TOOLS_DIR, 'node_modules', pkg, 'package.json'));
    if (pj) out[peer] = `${pkg}@${JSON.parse(pj).version}`;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Config generation

function oursBody(ctx, preset) {
  return `import * as pluginModule from ${JSON.stringify(pathToFileURL(ctx.plugin).href)};
const plugin = pluginModule.default ?? pluginModule;
const preset = plugin?.configs?.[${JSON.stringify(preset)}];
if (!preset) {
  throw new Error(${JSON.stringify(`${ctx.plugin}: the default export has no configs.${preset}`)});
}
export default [
  base,
  ...[preset].flat().map((config) => withFiles({ plugins: { cache: plugin }, ...config })),
];`;
}

function writeConfig(name, ctx) {
  const parserUrl = import.meta.resolve('@typescript-eslint/parser');
  const text = `// Generated by perf/bench.mjs (scenario: ${name}). Do not edit: rewritten on every run.
import tsParser from ${JSON.stringify(parserUrl)};

const FILES = ${JSON.stringify(FILES)};
const withFiles = (config) => ({ ...config, files: FILES });
const base = {
  name: 'bench/base',
  files: FILES,
  languageOptions: {
    parser: tsParser,
    parserOptions: { ecmaFeatures: { jsx: true } },
  },
  linterOptions: { reportUnusedDisableDirectives: 'off' },
};

${SCENARIOS[name].body(ctx)}
`;
  const file = path.join(CONFIG_DIR, `${name}.mjs`);
  fs.writeFileSync(file, text);
  return file;
}

// ---------------------------------------------------------------------------------------------
// Running

function parseGnuTime(text) {
  const num = (re) => {
    const m = text.match(re);
    return m ? Number(m[1]) : null;
  };
  return {
    maxRssKiB: num(/Maximum resident set size \(kbytes\): (\d+)/),
    userS: num(/User time \(seconds\): ([\d.]+)/),
    sysS: num(/System time \(seconds\): ([\d.]+)/),
  };
}

function tail(text, lines = 15) {
  return text.trim().split('\n').slice(-lines).join('\n');
}

async function runScenario(name, round, ctx) {
  const base = path.join(RUNS_DIR, `${ctx.stamp}-${name}-r${round}`);
  const statsFile = `${base}.stats.json`;
  const usageFile = `${base}.usage`;
  const logFile = `${base}.log`;
  const eslintArgs = [ESLINT_BIN, '--config', ctx.configs[name], '--stats', '--format', FORMATTER, ...ctx.lintArgs];
  const env = { ...process.env, CACHE_BENCH_STATS_OUT: statsFile };
  let command;
  let args;
  if (ctx.measure === 'time') {
    command = GNU_TIME;
    args = ['-v', '-o', usageFile, process.execPath, ...eslintArgs];
  } else {
    command = process.execPath;
    args = ['--import', pathToFileURL(RUSAGE_PROBE).href, ...eslintArgs];
    env.CACHE_BENCH_RUSAGE_OUT = usageFile;
  }
  const logFd = fs.openSync(logFile, 'w');
  const t0 = process.hrtime.bigint();
  const code = await new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ctx.cwd, env, stdio: ['ignore', logFd, logFd] });
    child.on('error', reject);
    child.on('close', (c, signal) => resolve(signal ? `signal ${signal}` : c));
  });
  const wallS = Number(process.hrtime.bigint() - t0) / 1e9;
  fs.closeSync(logFd);

  const log = readIfExists(logFile) ?? '';
  const statsText = readIfExists(statsFile);
  const usageText = readIfExists(usageFile) ?? '';
  // ESLint exits 1 when it reports errors; 2 is a crash or a configuration problem.
  if ((code !== 0 && code !== 1) || !statsText) {
    return { round, ok: false, exitCode: code, wallS, error: tail(log) || `exit ${code}, no stats written` };
  }
  const usage = ctx.measure === 'time' ? parseGnuTime(usageText) : JSON.parse(usageText || '{}');
  return {
    round,
    ok: true,
    exitCode: code,
    wallS,
    cpuS: usage.userS != null && usage.sysS != null ? usage.userS + usage.sysS : null,
    maxRssMiB: usage.maxRssKiB != null ? usage.maxRssKiB / 1024 : null,
    stats: JSON.parse(statsText),
    log: log.trim() ? tail(log, 5) : undefined,
  };
}

async function importTime(url, runs) {
  const script = `const t0 = performance.now();
await import(${JSON.stringify(url)});
process.stdout.write(String(performance.now() - t0));`;
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: REPO_ROOT, encoding: 'utf8' });
    samples.push(Number(out));
  }
  return { medianMs: median(samples), samplesMs: samples };
}

// ---------------------------------------------------------------------------------------------
// Summaries

function median(values) {
  const v = values.filter((x) => x != null && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

function summarise(name, runs, floorRuns) {
  const ok = runs.filter((r) => r.ok);
  if (ok.length === 0) return { ok: false, error: runs[0]?.error };
  const byRound = new Map((floorRuns ?? []).filter((r) => r.ok).map((r) => [r.round, r]));
  const ratio = (get) =>
    median(ok.map((r) => (byRound.has(r.round) && get(byRound.get(r.round)) ? get(r) / get(byRound.get(r.round)) : null)));
  const ruleIds = new Set(ok.flatMap((r) => Object.keys(r.stats.rules)));
  const rules = {};
  for (const id of ruleIds) {
    rules[id] = {
      ms: median(ok.map((r) => r.stats.rules[id] ?? 0)),
      sharePct: median(ok.map((r) => (100 * (r.stats.rules[id] ?? 0)) / r.stats.parseMs)),
      findings: ok[0].stats.messagesByRule[id] ?? 0,
    };
  }
  const first = ok[0].stats;
  return {
    ok: true,
    runs: ok.length,
    failedRuns: runs.length - ok.length,
    files: first.files,
    parseS: median(ok.map((r) => r.stats.parseMs / 1000)),
    rulesS: median(ok.map((r) => r.stats.rulesMs / 1000)),
    lintTotalS: median(ok.map((r) => r.stats.totalMs / 1000)),
    rulesSharePct: median(ok.map((r) => (100 * r.stats.rulesMs) / r.stats.parseMs)),
    wallS: median(ok.map((r) => r.wallS)),
    cpuS: median(ok.map((r) => r.cpuS)),
    wallRatio: floorRuns ? ratio((r) => r.wallS) : null,
    cpuRatio: floorRuns ? ratio((r) => r.cpuS) : null,
    maxRssMiB: median(ok.map((r) => r.maxRssMiB)),
    findings: Object.entries(first.messagesByRule).reduce((n, [id, c]) => (ruleIds.has(id) ? n + c : n), 0),
    messagesByRule: first.messagesByRule,
    otherMessages: first.otherMessages,
    fatal: first.fatal,
    fatalFiles: first.fatalFiles,
    rules,
  };
}

function evaluateGoals(summaries, ctx) {
  const goals = [];
  const rec = summaries.recommended;
  const all = summaries.all;
  const hooks = summaries['react-hooks'];
  const exhaustive = hooks?.ok ? hooks.rules['react-hooks/exhaustive-deps']?.sharePct : null;
  const exhaustiveRef = exhaustive ?? REFERENCE_EXHAUSTIVE_DEPS;
  const exhaustiveLabel = exhaustive != null ? 'this run' : 'reference from performance.md';
  if (rec?.ok) {
    goals.push({
      goal: `recommended: rules total <= ${GOAL_RECOMMENDED_TOTAL}% of parse`,
      value: `${fmtPct(rec.rulesSharePct)}`,
      pass: rec.rulesSharePct <= GOAL_RECOMMENDED_TOTAL,
    });
    const ours = Object.entries(rec.rules).filter(([id]) => id.startsWith(PLUGIN_PREFIX));
    const worst = ours.sort((a, b) => b[1].sharePct - a[1].sharePct)[0];
    goals.push({
      goal: `recommended: each rule <= ${GOAL_PER_RULE}% of parse`,
      value: worst ? `max ${worst[0]} ${fmtPct(worst[1].sharePct)}` : 'no cache/* rules',
      pass: worst ? worst[1].sharePct <= GOAL_PER_RULE : null,
    });
  }
  const per = all?.ok ? all : rec?.ok ? rec : null;
  if (per) {
    const ours = Object.entries(per.rules).filter(([id]) => id.startsWith(PLUGIN_PREFIX));
    if (all?.ok) {
      const over = ours.filter(([, r]) => r.sharePct > GOAL_PER_RULE);
      goals.push({
        goal: `all: each rule <= ${GOAL_PER_RULE}% of parse`,
        value: over.length ? `${over.length} over: ${over.map(([id]) => id).join(', ')}` : `${ours.length} rules within`,
        pass: over.length === 0,
      });
    }
    const slower = ours.filter(([, r]) => r.sharePct >= exhaustiveRef);
    goals.push({
      goal: `${all?.ok ? 'all' : 'recommended'}: each cache/* rule cheaper than react-hooks/exhaustive-deps (${fmtPct(exhaustiveRef)}, ${exhaustiveLabel})`,
      value: slower.length ? `${slower.length} not: ${slower.map(([id]) => id).join(', ')}` : `${ours.length} rules cheaper`,
      pass: slower.length === 0,
    });
  }
  const empty = summaries['empty-rule'];
  if (rec?.ok && empty?.ok && ctx.rawRuns) {
    const byRound = new Map(ctx.rawRuns['empty-rule'].filter((r) => r.ok).map((r) => [r.round, r.wallS]));
    const ratio = median(ctx.rawRuns.recommended.filter((r) => r.ok && byRound.has(r.round)).map((r) => r.wallS / byRound.get(r.round)));
    goals.push({
      goal: `recommended wall <= ${GOAL_WALL_VS_EMPTY_RULE}x empty-rule wall (per-round median; noisy)`,
      value: fmtX(ratio),
      pass: ratio != null ? ratio <= GOAL_WALL_VS_EMPTY_RULE : null,
    });
  }
  return goals;
}

// ---------------------------------------------------------------------------------------------
// Output

const fmtS = (x) => (x == null ? '-' : x.toFixed(2));
const fmtPct = (x) => (x == null ? '-' : `${x.toFixed(x < 10 ? 2 : 1)}%`);
const fmtX = (x) => (x == null ? '-' : `${x.toFixed(2)}x`);
const fmtMiB = (x) => (x == null ? '-' : x.toFixed(0));
const fmtMs = (x) => (x == null ? '-' : x.toFixed(0));

function textTable(head, rows, rightAlign) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) =>
    r.map((c, i) => (rightAlign[i] ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function mdTable(head, rows, rightAlign) {
  const esc = (c) => String(c).replace(/\|/g, '\\|');
  return [
    `| ${head.map(esc).join(' | ')} |`,
    `|${rightAlign.map((r) => (r ? '---:' : '---')).join('|')}|`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

function mainTable(summaries, order) {
  const head = ['scenario', 'files', 'parse s', 'rules s', 'rules/parse', 'wall s', 'wall/parse', 'CPU/parse', 'peak RSS MiB', 'findings', 'fatal'];
  const right = [false, true, true, true, true, true, true, true, true, true, true];
  const rows = order.map((name) => {
    const s = summaries[name];
    if (!s?.ok) return [name, 'FAILED', '-', '-', '-', '-', '-', '-', '-', '-', '-'];
    return [name, s.files, fmtS(s.parseS), fmtS(s.rulesS), fmtPct(s.rulesSharePct), fmtS(s.wallS), fmtX(s.wallRatio), fmtX(s.cpuRatio), fmtMiB(s.maxRssMiB), s.findings, s.fatal];
  });
  return { head, rows, right };
}

function oursTable(summaries) {
  const rec = summaries.recommended?.ok ? summaries.recommended : null;
  const all = summaries.all?.ok ? summaries.all : null;
  if (!rec && !all) return null;
  const ids = new Set([...Object.keys(rec?.rules ?? {}), ...Object.keys(all?.rules ?? {})].filter((id) => id.startsWith(PLUGIN_PREFIX)));
  const cost = (id) => all?.rules[id]?.sharePct ?? rec?.rules[id]?.sharePct ?? 0;
  const sorted = [...ids].sort((a, b) => cost(b) - cost(a));
  const head = ['rule', 'in recommended', 'recommended % of parse', 'all % of parse', 'ms (all)', 'findings', `<= ${GOAL_PER_RULE}%`];
  const right = [false, false, true, true, true, true, false];
  const rows = sorted.map((id) => [
    id,
    rec?.rules[id] ? 'yes' : rec ? 'no' : '?',
    fmtPct(rec?.rules[id]?.sharePct),
    fmtPct(all?.rules[id]?.sharePct),
    fmtMs((all ?? rec).rules[id]?.ms),
    (all ?? rec).rules[id]?.findings ?? 0,
    cost(id) <= GOAL_PER_RULE ? 'ok' : 'OVER',
  ]);
  return { head, rows, right };
}

function peersTable(summaries, order, top = 5) {
  const rows = [];
  for (const name of order) {
    const s = summaries[name];
    if (!s?.ok || SCENARIOS[name].kind !== 'peer') continue;
    const sorted = Object.entries(s.rules).sort((a, b) => b[1].sharePct - a[1].sharePct).slice(0, top);
    for (const [id, r] of sorted) rows.push([name, id, fmtPct(r.sharePct), fmtMs(r.ms), r.findings]);
  }
  if (rows.length === 0) return null;
  return { head: ['scenario', 'rule', '% of parse', 'ms', 'findings'], rows, right: [false, false, true, true, true] };
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.help) {
    console.log(HELP);
    return 0;
  }
  if (opts.list) {
    for (const [name, s] of Object.entries(SCENARIOS)) console.log(`${name.padEnd(15)} ${s.kind.padEnd(6)} ${s.description}`);
    return 0;
  }
  const log = (msg) => console.error(msg);
  for (const dir of [CONFIG_DIR, RESULTS_DIR, RUNS_DIR]) fs.mkdirSync(dir, { recursive: true });

  // Target
  let corpus = null;
  let cwd;
  let lintArgs;
  if (opts.target) {
    cwd = opts.target; // ESLint's base path with --config is the cwd: lint everything below it.
    lintArgs = ['.'];
  } else {
    log(`corpus: ${path.relative(REPO_ROOT, CORPUS_DIR)} from ${opts.corpusList}`);
    corpus = ensureCorpus({ listFile: opts.corpusList, extras: opts.extras, log });
    printCorpus(corpus, log);
    cwd = CORPUS_DIR;
    lintArgs = corpus.packages.map((p) => path.relative(CORPUS_DIR, packageDir(p.spec)));
  }
  if (opts.fetchOnly) return 0;

  // Scenarios
  let order = opts.only ?? DEFAULT_SCENARIOS;
  const skipped = {};
  if (order.some((n) => SCENARIOS[n].kind === 'ours') && !fs.existsSync(opts.plugin)) {
    for (const n of order.filter((n) => SCENARIOS[n].kind === 'ours')) {
      skipped[n] = `${path.relative(REPO_ROOT, opts.plugin)} not found (plugin not built: run \`npm run build\`)`;
    }
    log(`skipping ${Object.keys(skipped).join(', ')}: ${Object.values(skipped)[0]}`);
    order = order.filter((n) => !skipped[n]);
  }
  if (order.length === 0) {
    log('nothing to run');
    return 1;
  }
  if (order.some((n) => SCENARIOS[n].kind === 'peer')) ensureTools(log);

  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const ctx = { stamp, cwd, lintArgs, measure: opts.measure, plugin: opts.plugin, configs: {} };
  for (const name of order) ctx.configs[name] = writeConfig(name, ctx);

  // Plugin import times (separate processes)
  const importTimes = {};
  if (opts.importRuns > 0) {
    if (order.some((n) => SCENARIOS[n].kind === 'ours')) {
      importTimes['eslint-plugin-cache'] = await importTime(pathToFileURL(opts.plugin).href, opts.importRuns);
    }
    for (const n of order.filter((n) => SCENARIOS[n].kind === 'peer')) {
      importTimes[n] = await importTime(shimUrl(n), opts.importRuns);
    }
  }

  const loadBefore = os.loadavg();
  log(`\nrunning ${order.join(', ')} x ${opts.runs} round(s) in ${path.relative(REPO_ROOT, cwd) || '.'} (measure: ${opts.measure})`);
  const rawRuns = Object.fromEntries(order.map((n) => [n, []]));
  for (let round = 1; round <= opts.runs; round++) {
    for (const name of order) {
      const run = await runScenario(name, round, ctx);
      rawRuns[name].push(run);
      log(
        run.ok
          ? `  round ${round} ${name.padEnd(15)} wall ${run.wallS.toFixed(1)} s  parse ${(run.stats.parseMs / 1000).toFixed(1)} s  rules ${(run.stats.rulesMs / 1000).toFixed(2)} s  RSS ${fmtMiB(run.maxRssMiB)} MiB`
          : `  round ${round} ${name.padEnd(15)} FAILED (exit ${run.exitCode}):\n${run.error}`,
      );
    }
  }
  const loadAfter = os.loadavg();

  const floorRuns = rawRuns.parse ?? null;
  const summaries = Object.fromEntries(order.map((n) => [n, summarise(n, rawRuns[n], floorRuns)]));
  const goals = evaluateGoals(summaries, { rawRuns });

  // Print
  const out = [];
  const meta = {
    date: new Date().toISOString(),
    node: process.version,
    eslint: JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'node_modules', 'eslint', 'package.json'), 'utf8')).version,
    parser: JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'node_modules', '@typescript-eslint', 'parser', 'package.json'), 'utf8')).version,
    peers: peerVersions(),
    plugin: path.relative(REPO_ROOT, opts.plugin),
    gitHead: gitHead(),
    cpus: os.cpus().length,
    loadavg: { before: loadBefore, after: loadAfter },
    target: path.relative(REPO_ROOT, cwd) || '.',
    lintArgs,
    corpus: corpus ? { list: opts.corpusList, totals: corpus.totals, packages: corpus.packages.map((p) => Object.fromEntries(Object.entries(p).filter(([key]) => key !== 'dir' && key !== 'cached'))) } : null,
    runs: opts.runs,
    measure: opts.measure === 'time' ? 'GNU /usr/bin/time -v (peak RSS, CPU); wall from the parent' : 'node --import rusage probe (peak RSS, CPU); wall from the parent',
    scenarios: order,
    skipped,
  };
  out.push('');
  out.push(
    `eslint ${meta.eslint}, @typescript-eslint/parser ${meta.parser}, node ${meta.node}; target ${meta.target}; ${opts.runs} round(s); load avg ${loadBefore[0].toFixed(2)} -> ${loadAfter[0].toFixed(2)}`,
  );
  out.push(
    `rules/parse: in-process (--stats), median of per-run shares; wall/parse, CPU/parse: median of per-round ratios to the parse scenario${floorRuns ? '' : ' (parse not run: no ratios)'}`,
  );
  const overview = mainTable(summaries, order);
  out.push('', textTable(overview.head, overview.rows, overview.right));
  for (const name of order) {
    const s = summaries[name];
    if (!s.ok) out.push(`\n${name} FAILED:\n${s.error}`);
    else if (s.fatal) out.push(`\n${name}: ${s.fatal} fatal error(s), e.g. ${s.fatalFiles.slice(0, 3).join('; ')}`);
  }
  for (const [name, why] of Object.entries(skipped)) out.push(`${name}: skipped, ${why}`);
  if (Object.keys(importTimes).length) {
    out.push(
      '',
      `plugin import time (median of ${opts.importRuns} processes): ${Object.entries(importTimes)
        .map(([n, t]) => `${n} ${t.medianMs.toFixed(0)} ms`)
        .join(', ')}`,
    );
  }
  const ours = oursTable(summaries);
  if (ours) out.push('', 'our rules, by cost (share of parse time, in-process):', textTable(ours.head, ours.rows, ours.right));
  const peers = peersTable(summaries, order);
  if (peers) out.push('', 'peers, top rules:', textTable(peers.head, peers.rows, peers.right));
  if (goals.length) {
    out.push('', 'goals:');
    for (const g of goals) out.push(`  [${g.pass == null ? ' ?  ' : g.pass ? 'PASS' : 'FAIL'}] ${g.goal}: ${g.value}`);
  }
  if (opts.markdown) {
    out.push('', '---- markdown ----', '', mdTable(overview.head, overview.rows, overview.right));
    if (ours) out.push('', mdTable(ours.head, ours.rows, ours.right));
    if (peers) out.push('', mdTable(peers.head, peers.rows, peers.right));
    if (goals.length) {
      out.push('', mdTable(['goal', 'measured', 'status'], goals.map((g) => [g.goal, g.value, g.pass == null ? '?' : g.pass ? 'pass' : 'FAIL']), [false, false, false]));
    }
  }

  const resultFile = path.join(RESULTS_DIR, `${stamp}.json`);
  fs.writeFileSync(
    resultFile,
    JSON.stringify({ meta, importTimes, summaries, goals, runs: stripRuns(rawRuns) }, null, 2) + '\n',
  );
  out.push('', `results: ${path.relative(process.cwd(), resultFile)}`);
  console.log(out.join('\n'));
  return order.every((n) => summaries[n].ok) ? 0 : 1;
}

function stripRuns(rawRuns) {
  return Object.fromEntries(
    Object.entries(rawRuns).map(([n, runs]) => [
      n,
      runs.map((r) => (r.ok ? { ...r, stats: { ...r.stats, fatalFiles: undefined } } : r)),
    ]),
  );
}

function gitHead() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 2;
  },
);
