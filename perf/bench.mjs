// Benchmark of eslint-plugin-cache against ESLint's parse-only floor and peer plugins.
// `node perf/bench.mjs --help` for the options; perf/README.md for the method.
//
// Each scenario is its own process: the project's ESLint CLI (node_modules/eslint/bin/eslint.js)
// with a generated flat config (perf/.work/configs/<scenario>.mjs), `--stats`, and
// perf/stats-formatter.cjs, which sums the per-file parse / rule / fix / total times and counts
// messages per rule into a JSON file. The process runs under `/usr/bin/time -v` (peak RSS, CPU);
// without GNU time, perf/rusage-probe.mjs is preloaded with `node --import` instead.
// Wall time is taken here around the child process.
//
// Besides ESLint: a type-aware run on a subset (projectService, `recommended-type-checked`),
// oxlint with our rules as a JS plugin, and `cache-codemod scan` with 1 and 2 workers, all on the
// same files, each in its own process, timed the same way.

import { spawn, execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { CORPUS_DIR, DEFAULT_CORPUS_LIST, DEFAULT_EXTRA_LIST, REPO_ROOT, WORK_DIR, ensureCorpus, packageDir, printCorpus } from './corpus.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const CONFIG_DIR = path.join(WORK_DIR, 'configs');
const RESULTS_DIR = path.join(WORK_DIR, 'results');
const RUNS_DIR = path.join(WORK_DIR, 'runs');
const TOOLS_SRC = path.join(here, 'tools');
const TOOLS_DIR = path.join(WORK_DIR, 'tools');
const ESLINT_BIN = path.join(REPO_ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');
const OXLINT_BIN = path.join(REPO_ROOT, 'node_modules', 'oxlint', 'bin', 'oxlint');
const FORMATTER = path.join(here, 'stats-formatter.cjs');
const RUSAGE_PROBE = path.join(here, 'rusage-probe.mjs');
const SHARDS = path.join(here, 'shards.mjs');
const GNU_TIME = '/usr/bin/time';
const DEFAULT_PLUGIN = path.join(REPO_ROOT, 'dist', 'src', 'index.js');
const PLUGIN_PREFIX = 'cache/';
// Type-aware subset: the main list's server packages (tRPC, Apollo Server, Auth.js), about 290 files.
// The bench writes a tsconfig.json into each (projectService finds the nearest one); their
// dependencies are not installed, so imports of other packages resolve to `any` (Node's types come
// from the project's @types/node).
const DEFAULT_SUBSET = ['trpc__server', 'apollo__server', 'auth__core'];
const SUBSET_TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'ESNext',
    moduleResolution: 'Bundler',
    jsx: 'react-jsx',
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
  },
  include: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
  exclude: ['node_modules'],
};

// Files the scenarios lint (JS too, for --extra plain-JS packages; the pinned corpus is all TS).
const FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'];

// Goals (docs: /work/shared/research/performance.md, section 7).
const GOAL_RECOMMENDED_TOTAL = 5; // % of parse, sum of the recommended rules
const GOAL_PER_RULE = 1.5; // % of parse, each rule
const GOAL_WALL_VS_EMPTY_RULE = 1.05; // whole process, recommended / empty-rule (when measured)
const GOAL_TYPED_RULES = 20; // % of the typed parse, all rules of recommended-type-checked
const GOAL_CODEMOD_WALL = 0.5; // cache-codemod scan wall / ESLint parse-only wall
const GOAL_WORKER_SPEEDUP = 1.5; // cache-codemod scan: --workers 1 wall / --workers 2 wall (issue #5)
const REFERENCE_EXHAUSTIVE_DEPS = 1.6; // % of parse, react-hooks/exhaustive-deps in performance.md

const PEERS = {
  'react-hooks': { pkg: 'eslint-plugin-react-hooks' },
  'tanstack-query': { pkg: '@tanstack/eslint-plugin-query' },
};

/**
 * Scenario definitions.
 * `kind`: floor | ours | peer | probe | typed | tool.
 * `tool`: eslint (default; generated flat config, --stats) | oxlint | codemod.
 * `target`: corpus (default: the whole corpus, or --target) | subset (the type-aware subset).
 * `floor`: the scenario every wall / CPU ratio is taken against, round by round.
 * `vs`: a second reference for the whole-process ratios (oxlint and the codemod: ESLint `all`).
 */
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
  'subset-parse': {
    kind: 'floor',
    target: 'subset',
    description: 'type-aware subset, no rules, no type information: the subset floor',
    body: () => `export default [base];`,
  },
  'subset-recommended': {
    kind: 'ours',
    target: 'subset',
    floor: 'subset-parse',
    description: 'type-aware subset, configs.recommended without type information',
    body: (ctx) => oursBody(ctx, 'recommended'),
  },
  'subset-typed-parse': {
    kind: 'typed',
    target: 'subset',
    floor: 'subset-parse',
    typed: true,
    description: 'type-aware subset, projectService on, no rules (the cost of types alone; not in the default set)',
    body: () => `export default [base];`,
  },
  'subset-type-checked': {
    kind: 'typed',
    target: 'subset',
    floor: 'subset-parse',
    typed: true,
    description: "type-aware subset, projectService on, configs['recommended-type-checked']",
    body: (ctx) => oursBody(ctx, 'recommended-type-checked'),
  },
  oxlint: {
    kind: 'tool',
    tool: 'oxlint',
    vs: 'all',
    description: 'oxlint (project devDependency) with configs.all as a JS plugin (jsPlugins), default threads',
  },
  'codemod-1': {
    kind: 'tool',
    tool: 'codemod',
    workers: 1,
    vs: 'all',
    description: 'cache-codemod scan --format json --workers 1 (every rule + cross-file checks)',
  },
  'codemod-2': {
    kind: 'tool',
    tool: 'codemod',
    workers: 2,
    vs: 'all',
    description: 'cache-codemod scan --format json --workers 2',
  },
  'codemod-shards': {
    kind: 'tool',
    tool: 'codemod-shards',
    workers: 2,
    vs: 'all',
    description: 'two independent `cache-codemod scan --workers 1 --shard i/2` processes at once (perf/shards.mjs): the ceiling for two lanes on this machine',
  },
};
for (const scenario of Object.values(SCENARIOS)) {
  scenario.tool ??= 'eslint';
  scenario.target ??= 'corpus';
  scenario.floor ??= scenario.target === 'subset' ? 'subset-parse' : 'parse';
}
/**
 * `--per-rule`: one scenario per rule of configs.all, `alone:<rule>`, with only that rule on.
 * Shared per-file analyses (the file index, the store and HTTP analyses) are memoised and billed
 * by --stats to the first rule that asks, which is an accident of config order; alone, a rule
 * pays for everything it needs, so its share is an upper bound of its cost.
 */
function registerAloneScenarios(ruleIds) {
  const names = [];
  for (const id of ruleIds) {
    const name = `alone:${id.slice(PLUGIN_PREFIX.length)}`;
    SCENARIOS[name] ??= {
      kind: 'alone',
      tool: 'eslint',
      target: 'corpus',
      floor: 'parse',
      rule: id,
      description: `${id} alone (--per-rule)`,
      body: (ctx) => aloneBody(ctx, id),
    };
    names.push(name);
  }
  return names;
}

const DEFAULT_SCENARIOS = [
  'parse',
  'recommended',
  'all',
  'react-hooks',
  'tanstack-query',
  'oxlint',
  'codemod-1',
  'codemod-2',
  'codemod-shards',
  'subset-parse',
  'subset-recommended',
  'subset-type-checked',
];

const HELP = `usage: node perf/bench.mjs [options]

Runs ESLint (the project's node_modules/eslint), oxlint and cache-codemod once per scenario and
round, each in its own process, on the pinned corpus (both lists; fetched on first use into
perf/.work/corpus) or on --target.

Scenarios: ${Object.entries(SCENARIOS).map(([n, s]) => `\n  ${n.padEnd(20)} ${s.description}`).join('')}
  (default: ${DEFAULT_SCENARIOS.join(',')};
   strict, empty-rule and subset-typed-parse only with --only)

Options:
  --only <a,b,...>        scenarios to run
  --skip <a,b,...>        scenarios to leave out of the default set
  --runs <N>              rounds, scenarios round-robin; medians of per-round ratios (default 1)
  --target <dir>          lint this folder instead of the corpus (e.g. perf/.work/corpus/ra-core);
                          subset scenarios are skipped
  --apps                  lint the application corpus (perf/apps/corpus.txt, extracted by
                          perf/apps.mjs into perf/.work/apps) instead of the package corpus
  --corpus-list <file>    package list (default ../shared/bench-corpus.txt from the repo root)
  --extra-list <file>     second package list, server code, JS kept (default perf/corpus-extra.txt)
  --no-extra              leave the second list out
  --extra <spec,...>      add more packages to the corpus (JS files kept too) and lint them
  --subset <dir,...>      corpus folders of the type-aware subset (default ${DEFAULT_SUBSET.join(',')})
  --plugin <file>         our plugin module (default dist/src/index.js); its default export needs
                          configs.recommended and configs.all (flat config objects)
  --per-rule              also run every rule of configs.all alone (alone:<rule>, one process each)
                          after \`all\`: each rule's cost including the shared analyses it needs
  --snapshot              copy the plugin's build (dist/ and package.json) to perf/.work/plugin-snapshot
                          first and bench that copy, so a rebuild during a long run changes nothing
  --import-runs <N>       plugin import-time samples, separate processes (default 5, 0 = skip)
  --measure <how>         time (GNU /usr/bin/time -v) | probe (node --import rusage probe);
                          default: time if ${GNU_TIME} exists
  --markdown              also print the tables as markdown
  --fetch-only            fetch / check the corpus and stop
  --report <results.json> print the tables of an earlier run again (with --markdown: markdown too)
  --list                  list the scenarios and stop
  -h, --help              this text

Writes perf/.work/results/<timestamp>.json; logs and raw per-run files in perf/.work/runs/.`;

// ---------------------------------------------------------------------------------------------
// Options

function parseArgs(argv) {
  const opts = {
    only: null,
    skip: [],
    runs: 1,
    target: null,
    corpusList: DEFAULT_CORPUS_LIST,
    extraList: DEFAULT_EXTRA_LIST,
    extras: [],
    subset: DEFAULT_SUBSET,
    plugin: DEFAULT_PLUGIN,
    importRuns: 5,
    snapshot: false,
    perRule: false,
    measure: fs.existsSync(GNU_TIME) ? 'time' : 'probe',
    markdown: false,
    fetchOnly: false,
    report: null,
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
      case '--skip':
        opts.skip.push(...splitList(next()));
        break;
      case '--extra-list':
        opts.extraList = path.resolve(next());
        break;
      case '--no-extra':
        opts.extraList = null;
        break;
      case '--subset':
        opts.subset = splitList(next());
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
      case '--snapshot':
        opts.snapshot = true;
        break;
      case '--per-rule':
        opts.perRule = true;
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
      case '--report':
        opts.report = path.resolve(next());
        break;
      case '--list':
        opts.list = true;
        break;
      case '--apps':
        opts.apps = true;
        break;
      case '-h':
      case '--help':
        opts.help = true;
        break;
      default:
        throw new Error(`unknown option ${arg} (see --help)`);
    }
  }
  for (const name of [...(opts.only ?? []), ...opts.skip]) {
    if (!SCENARIOS[name]) throw new Error(`unknown scenario ${name}; known: ${Object.keys(SCENARIOS).join(', ')}`);
  }
  if (opts.apps && opts.target) throw new Error('--apps and --target both choose what to lint; give one');
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

function aloneBody(ctx, ruleId) {
  return `import * as pluginModule from ${JSON.stringify(pathToFileURL(ctx.plugin).href)};
const plugin = pluginModule.default ?? pluginModule;
export default [base, withFiles({ name: 'bench/alone', plugins: { cache: plugin }, rules: { ${JSON.stringify(ruleId)}: 'error' } })];`;
}

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

/** `--config` for cache-codemod: the flat config of the ESLint scenario it is compared with. */
function codemodConfig(scenario, ctx) {
  ctx.configs[scenario.vs] ??= writeConfig(scenario.vs, ctx);
  return ['--config', ctx.configs[scenario.vs]];
}

function writeConfig(name, ctx) {
  const scenario = SCENARIOS[name];
  if (scenario.tool === 'oxlint') return writeOxlintConfig(name, ctx);
  if (scenario.tool !== 'eslint') return null;
  const parserUrl = import.meta.resolve('@typescript-eslint/parser');
  // Type-aware: each file's nearest tsconfig.json (written into the subset folders by the bench).
  const parserOptions = scenario.typed
    ? `{ ecmaFeatures: { jsx: true }, projectService: true, tsconfigRootDir: ${JSON.stringify(CORPUS_DIR)} }`
    : `{ ecmaFeatures: { jsx: true } }`;
  const text = `// Generated by perf/bench.mjs (scenario: ${name}). Do not edit: rewritten on every run.
import tsParser from ${JSON.stringify(parserUrl)};

const FILES = ${JSON.stringify(FILES)};
const withFiles = (config) => ({ ...config, files: FILES });
const base = {
  name: 'bench/base',
  files: FILES,
  languageOptions: {
    parser: tsParser,
    parserOptions: ${parserOptions},
  },
  linterOptions: { reportUnusedDisableDirectives: 'off' },
};

${scenario.body(ctx)}
`;
  const file = path.join(CONFIG_DIR, `${name}.mjs`);
  fs.writeFileSync(file, text);
  return file;
}

/**
 * .oxlintrc.json for oxlint: our built plugin as a JS plugin (its meta.name gives the `cache`
 * prefix), the rules of configs.all, and no native rules (the correctness category is the only
 * one on by default).
 */
function writeOxlintConfig(name, ctx) {
  const config = {
    $schema: pathToFileURL(path.join(REPO_ROOT, 'node_modules', 'oxlint', 'configuration_schema.json')).href,
    jsPlugins: [ctx.plugin],
    categories: { correctness: 'off' },
    rules: ctx.allRules,
  };
  const file = path.join(CONFIG_DIR, `${name}.oxlintrc.json`);
  fs.writeFileSync(file, JSON.stringify(config, null, 2) + '\n');
  return file;
}

/**
 * oxlint and cache-codemod select files as git does, and this repository ignores perf/.work: give
 * the corpus a repository of its own (empty, nothing committed) so both see every file in it.
 */
function ensureCorpusRepo(log) {
  if (fs.existsSync(path.join(CORPUS_DIR, '.git'))) return;
  log(`git init ${path.relative(REPO_ROOT, CORPUS_DIR)} (oxlint and cache-codemod honour the enclosing .gitignore)`);
  execFileSync('git', ['init', '--quiet', CORPUS_DIR], { stdio: 'ignore' });
}

/**
 * Copies the build that holds `plugin` (its dist/ folder: two levels up from dist/src/index.js) and
 * the package.json beside it to perf/.work/plugin-snapshot/, and returns the copy's entry point.
 * Bare imports still resolve from the repository's node_modules (the copy is inside the repository).
 */
function snapshotPlugin(plugin, log) {
  const dist = path.dirname(path.dirname(plugin));
  if (!fs.existsSync(plugin)) return plugin;
  const dest = path.join(WORK_DIR, 'plugin-snapshot');
  fs.rmSync(dest, { recursive: true, force: true });
  fs.mkdirSync(dest, { recursive: true });
  fs.cpSync(dist, path.join(dest, path.basename(dist)), { recursive: true });
  const pkg = path.join(path.dirname(dist), 'package.json');
  if (fs.existsSync(pkg)) fs.copyFileSync(pkg, path.join(dest, 'package.json'));
  const copy = path.join(dest, path.relative(path.dirname(dist), plugin));
  log(`plugin snapshot: ${path.relative(REPO_ROOT, dist)} -> ${path.relative(REPO_ROOT, dest)}`);
  return copy;
}

/** tsconfig.json in each subset folder, for projectService. */
function ensureSubsetTsconfigs(dirs) {
  const text = JSON.stringify(SUBSET_TSCONFIG, null, 2) + '\n';
  for (const dir of dirs) {
    const file = path.join(CORPUS_DIR, dir, 'tsconfig.json');
    if (readIfExists(file) !== text) fs.writeFileSync(file, text);
  }
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

/** The command line of one scenario: [args after `node`], where its JSON output goes, and how to read it. */
function commandFor(name, ctx, base) {
  const scenario = SCENARIOS[name];
  const lintArgs = scenario.target === 'subset' ? ctx.subsetArgs : ctx.lintArgs;
  const outFile = `${base}.out.json`;
  switch (scenario.tool) {
    case 'eslint':
      return {
        args: [ESLINT_BIN, '--config', ctx.configs[name], '--stats', '--format', FORMATTER, ...lintArgs],
        env: { CACHE_BENCH_STATS_OUT: outFile },
        outFile,
        stdoutToOut: false,
        // ESLint exits 1 when it reports errors; 2 is a crash or a configuration problem.
        okCodes: [0, 1],
        read: (text) => JSON.parse(text),
      };
    case 'oxlint':
      return {
        // The corpus has its own .git (see ensureCorpusRepo): oxlint honours the enclosing
        // repository's .gitignore, and this repository ignores perf/.work.
        args: [OXLINT_BIN, '--config', ctx.configs[name], '--format', 'json', '--ignore-pattern', '**/node_modules/**', ...lintArgs],
        env: {},
        outFile,
        stdoutToOut: true,
        okCodes: [0, 1],
        read: readOxlintJson,
      };
    case 'codemod':
      return {
        // The codemod reads the project's ESLint config; give it the reference scenario's (configs.all).
        args: [ctx.codemodCli, 'scan', '--format', 'json', '--workers', String(scenario.workers), '--no-progress', '--fail-on', 'none', '--output', outFile, ...codemodConfig(scenario, ctx), ...lintArgs],
        env: {},
        outFile,
        stdoutToOut: false,
        okCodes: [0, 1],
        read: readCodemodJson,
      };
    case 'codemod-shards':
      return {
        args: [SHARDS, ctx.codemodCli, String(scenario.workers), outFile, ...codemodConfig(scenario, ctx), ...lintArgs],
        env: {},
        outFile,
        stdoutToOut: false,
        okCodes: [0],
        read: readCodemodJson,
      };
    default:
      throw new Error(`${name}: unknown tool ${scenario.tool}`);
  }
}

/** oxlint --format json: { diagnostics: [{ code: 'cache(rule)', filename, labels: [{ span }] }], number_of_files }. */
function readOxlintJson(text) {
  const json = JSON.parse(text);
  const out = { files: json.number_of_files ?? null, messagesByRule: {}, otherMessages: {}, fatal: 0, fatalFiles: [] };
  for (const d of json.diagnostics ?? []) {
    const m = /^([^()]+)\((.+)\)$/.exec(d.code ?? '');
    const id = m ? `${m[1]}/${m[2]}` : null;
    if (id && id.startsWith(PLUGIN_PREFIX)) {
      out.messagesByRule[id] = (out.messagesByRule[id] ?? 0) + 1;
    } else if (!d.code) {
      // Parse errors and JS-plugin failures come without a rule code.
      out.fatal++;
      if (out.fatalFiles.length < 20) out.fatalFiles.push(`${d.filename}: ${d.message}`);
    } else {
      out.otherMessages[d.code] = (out.otherMessages[d.code] ?? 0) + 1;
    }
  }
  return out;
}

/** cache-codemod scan --format json: { summary: { scanned, failed, findings }, files: [{ path, findings, error? }] }. */
function readCodemodJson(text) {
  const json = JSON.parse(text);
  const out = { files: json.summary?.scanned ?? null, messagesByRule: {}, otherMessages: {}, fatal: json.summary?.failed ?? 0, fatalFiles: [] };
  for (const file of json.files ?? []) {
    if (file.error && out.fatalFiles.length < 20) out.fatalFiles.push(`${file.path}: ${typeof file.error === 'string' ? file.error : JSON.stringify(file.error)}`);
    for (const f of file.findings ?? []) {
      const bucket = f.ruleId?.startsWith(PLUGIN_PREFIX) ? out.messagesByRule : out.otherMessages;
      bucket[f.ruleId] = (bucket[f.ruleId] ?? 0) + 1;
    }
  }
  return out;
}

async function runScenario(name, round, ctx) {
  const base = path.join(RUNS_DIR, `${ctx.stamp}-${name}-r${round}`);
  const usageFile = `${base}.usage`;
  const logFile = `${base}.log`;
  const cmd = commandFor(name, ctx, base);
  const env = { ...process.env, ...cmd.env };
  let command;
  let args;
  if (ctx.measure === 'time') {
    command = GNU_TIME;
    args = ['-v', '-o', usageFile, process.execPath, ...cmd.args];
  } else {
    command = process.execPath;
    args = ['--import', pathToFileURL(RUSAGE_PROBE).href, ...cmd.args];
    env.CACHE_BENCH_RUSAGE_OUT = usageFile;
  }
  const logFd = fs.openSync(logFile, 'w');
  const outFd = cmd.stdoutToOut ? fs.openSync(cmd.outFile, 'w') : logFd;
  const cwd = SCENARIOS[name].target === 'subset' ? CORPUS_DIR : ctx.cwd;
  const t0 = process.hrtime.bigint();
  const code = await new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', outFd, logFd] });
    child.on('error', reject);
    child.on('close', (c, signal) => resolve(signal ? `signal ${signal}` : c));
  });
  const wallS = Number(process.hrtime.bigint() - t0) / 1e9;
  fs.closeSync(logFd);
  if (outFd !== logFd) fs.closeSync(outFd);

  const log = readIfExists(logFile) ?? '';
  const outText = readIfExists(cmd.outFile);
  const usageText = readIfExists(usageFile) ?? '';
  if (!cmd.okCodes.includes(code) || !outText) {
    return { round, ok: false, exitCode: code, wallS, error: tail(log) || `exit ${code}, no output written` };
  }
  let stats;
  try {
    stats = cmd.read(outText);
  } catch (err) {
    return { round, ok: false, exitCode: code, wallS, error: `unreadable output ${cmd.outFile}: ${err.message}\n${tail(log)}` };
  }
  const usage = ctx.measure === 'time' ? parseGnuTime(usageText) : JSON.parse(usageText || '{}');
  return {
    round,
    ok: true,
    exitCode: code,
    wallS,
    cpuS: usage.userS != null && usage.sysS != null ? usage.userS + usage.sysS : null,
    maxRssMiB: usage.maxRssKiB != null ? usage.maxRssKiB / 1024 : null,
    stats,
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

/** Median over rounds of (this run / the reference's run of the same round). */
function pairedRatio(runs, refRuns, get) {
  if (!refRuns) return null;
  const byRound = new Map(refRuns.filter((r) => r.ok).map((r) => [r.round, r]));
  return median(
    runs.map((r) => {
      const ref = byRound.get(r.round);
      return ref && get(ref) && get(r) != null ? get(r) / get(ref) : null;
    }),
  );
}

/**
 * Time of the plugin rules of a run (ids with a `/`). Core rules that the corpus turns on itself
 * with inline `/* eslint ... *\/` comments (sort-keys, prefer-promise-reject-errors: ~0.01 % of
 * parse) are left out, so a scenario's total is its plugin's.
 */
function pluginRulesMs(stats) {
  return Object.entries(stats.rules ?? {}).reduce((ms, [id, t]) => (id.includes('/') ? ms + t : ms), 0);
}

function summarise(name, runs, floorRuns, vsRuns) {
  const ok = runs.filter((r) => r.ok);
  if (ok.length === 0) return { ok: false, error: runs[0]?.error };
  const eslint = SCENARIOS[name].tool === 'eslint';
  const ruleIds = new Set(ok.flatMap((r) => Object.keys(r.stats.rules ?? {})));
  const rules = {};
  for (const id of ruleIds) {
    rules[id] = {
      ms: median(ok.map((r) => r.stats.rules[id] ?? 0)),
      sharePct: median(ok.map((r) => (100 * (r.stats.rules[id] ?? 0)) / r.stats.parseMs)),
      findings: ok[0].stats.messagesByRule[id] ?? 0,
    };
  }
  const first = ok[0].stats;
  const inProcess = (get) => (eslint ? median(ok.map(get)) : null);
  return {
    ok: true,
    runs: ok.length,
    failedRuns: runs.length - ok.length,
    files: first.files,
    parseS: inProcess((r) => r.stats.parseMs / 1000),
    rulesS: inProcess((r) => pluginRulesMs(r.stats) / 1000),
    lintTotalS: inProcess((r) => r.stats.totalMs / 1000),
    rulesSharePct: inProcess((r) => (100 * pluginRulesMs(r.stats)) / r.stats.parseMs),
    wallS: median(ok.map((r) => r.wallS)),
    cpuS: median(ok.map((r) => r.cpuS)),
    floor: floorRuns ? SCENARIOS[name].floor : null,
    wallRatio: pairedRatio(ok, floorRuns, (r) => r.wallS),
    cpuRatio: pairedRatio(ok, floorRuns, (r) => r.cpuS),
    vs: vsRuns ? SCENARIOS[name].vs : null,
    wallVs: pairedRatio(ok, vsRuns, (r) => r.wallS),
    cpuVs: pairedRatio(ok, vsRuns, (r) => r.cpuS),
    rssVs: pairedRatio(ok, vsRuns, (r) => r.maxRssMiB),
    maxRssMiB: median(ok.map((r) => r.maxRssMiB)),
    // ESLint: messages of the rules that ran; oxlint / codemod: messages of cache/* rules.
    findings: Object.entries(first.messagesByRule).reduce((n, [id, c]) => (!eslint || ruleIds.has(id) ? n + c : n), 0),
    messagesByRule: first.messagesByRule,
    otherMessages: first.otherMessages,
    fatal: first.fatal,
    fatalFiles: first.fatalFiles,
    rules,
  };
}

/** Per-rule findings of a tool scenario against ESLint `all` (same rules, same files): the parity check. */
function parity(summary, reference) {
  if (!summary?.ok || !reference?.ok) return null;
  const ours = (byRule) => Object.fromEntries(Object.entries(byRule).filter(([id]) => id.startsWith(PLUGIN_PREFIX)));
  const a = ours(reference.messagesByRule);
  const b = ours(summary.messagesByRule);
  const differs = [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .sort()
    .filter((id) => (a[id] ?? 0) !== (b[id] ?? 0))
    .map((id) => `${id} ${a[id] ?? 0} vs ${b[id] ?? 0}`);
  return { same: differs.length === 0 && summary.files === reference.files, differs, files: [reference.files, summary.files] };
}

function evaluateGoals(summaries, ctx) {
  const goals = [];
  const rec = summaries.recommended;
  const all = summaries.all;
  const hooks = summaries['react-hooks'];
  const exhaustive = hooks?.ok ? hooks.rules['react-hooks/exhaustive-deps']?.sharePct : null;
  const exhaustiveRef = exhaustive ?? REFERENCE_EXHAUSTIVE_DEPS;
  const exhaustiveLabel = exhaustive != null ? 'this run' : 'reference from the research notes';
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
  const aloneRuns = Object.entries(summaries).filter(([n, s]) => n.startsWith('alone:') && s.ok);
  if (aloneRuns.length) {
    const shares = aloneRuns.map(([n, s]) => [SCENARIOS[n].rule, s.rules[SCENARIOS[n].rule]?.sharePct ?? 0]);
    const over = shares.filter(([, v]) => v > GOAL_PER_RULE);
    goals.push({
      goal: `each rule alone <= ${GOAL_PER_RULE}% of parse`,
      value: over.length ? `${over.length} over: ${over.map(([id, v]) => `${id} ${fmtPct(v)}`).join(', ')}` : `${shares.length} rules within`,
      pass: over.length === 0,
    });
    const slower = shares.filter(([, v]) => v >= exhaustiveRef);
    goals.push({
      goal: `each rule alone cheaper than react-hooks/exhaustive-deps (${fmtPct(exhaustiveRef)}, ${exhaustiveLabel})`,
      value: slower.length ? `${slower.length} not: ${slower.map(([id, v]) => `${id} ${fmtPct(v)}`).join(', ')}` : `${shares.length} rules cheaper`,
      pass: slower.length === 0,
    });
  }
  const typed = summaries['subset-type-checked'];
  if (typed?.ok) {
    goals.push({
      goal: `type-checked (subset): rules <= ${GOAL_TYPED_RULES}% of the typed parse`,
      value: fmtPct(typed.rulesSharePct),
      pass: typed.rulesSharePct <= GOAL_TYPED_RULES,
    });
  }
  const ox = summaries.oxlint;
  if (ox?.ok && all?.ok) {
    const p = parity(ox, all);
    goals.push({
      goal: 'oxlint (JS plugin): same findings per rule as ESLint all, same files',
      value: p.same ? `${ox.findings} findings in ${ox.files} files` : p.differs.join(', ') || `files ${p.files.join(' vs ')}`,
      pass: p.same,
    });
  }
  // Speed-ups: one worker's wall over two workers' (and over two independent shard processes,
  // the most two lanes can gain on this machine), paired by round.
  const speedup = (name) => {
    const runs = ctx.rawRuns?.[name];
    const one = ctx.rawRuns?.['codemod-1'];
    if (!runs || !one) return null;
    const byRound = new Map(one.filter((r) => r.ok).map((r) => [r.round, r.wallS]));
    return median(runs.filter((r) => r.ok && byRound.has(r.round)).map((r) => byRound.get(r.round) / r.wallS));
  };
  const two = speedup('codemod-2');
  if (two != null) {
    goals.push({ goal: `codemod-2: >= ${GOAL_WORKER_SPEEDUP}x faster than codemod-1 (wall, paired by round)`, value: fmtX(two), pass: two >= GOAL_WORKER_SPEEDUP });
  }
  const shards = speedup('codemod-shards');
  if (shards != null) {
    goals.push({ goal: 'codemod-shards: two independent processes vs codemod-1 (the ceiling for two lanes here; not a goal)', value: fmtX(shards), pass: null });
  }
  for (const name of ['codemod-1', 'codemod-2', 'codemod-shards']) {
    const cm = summaries[name];
    if (!cm?.ok) continue;
    if (all?.ok) {
      const p = parity(cm, all);
      goals.push({ goal: `${name}: same findings per rule as ESLint all, same files`, value: p.same ? `${cm.findings} findings in ${cm.files} files` : p.differs.join(', ') || `files ${p.files.join(' vs ')}`, pass: p.same });
    }
    if (cm.wallRatio != null) {
      goals.push({ goal: `${name}: wall <= ${GOAL_CODEMOD_WALL}x ESLint parse-only (research notes, goal 7)`, value: fmtX(cm.wallRatio), pass: cm.wallRatio <= GOAL_CODEMOD_WALL });
    }
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

/** ESLint scenarios of one target (corpus or subset): in-process shares and whole-process ratios to its floor. */
function mainTable(summaries, order) {
  const head = ['scenario', 'files', 'parse s', 'rules s', 'rules/parse', 'wall s', 'wall/floor', 'CPU/floor', 'peak RSS MiB', 'findings', 'fatal'];
  const right = [false, true, true, true, true, true, true, true, true, true, true];
  const rows = order.map((name) => {
    const s = summaries[name];
    if (!s?.ok) return [name, 'FAILED', '-', '-', '-', '-', '-', '-', '-', '-', '-'];
    return [name, s.files, fmtS(s.parseS), fmtS(s.rulesS), fmtPct(s.rulesSharePct), fmtS(s.wallS), fmtX(s.wallRatio), fmtX(s.cpuRatio), fmtMiB(s.maxRssMiB), s.findings, s.fatal];
  });
  return { head, rows, right };
}

/** oxlint and the codemod: whole process only, against ESLint parse-only and ESLint `all`. */
function toolsTable(summaries, order) {
  const names = order.filter((n) => SCENARIOS[n].tool !== 'eslint');
  if (names.length === 0) return null;
  const head = ['scenario', 'files', 'wall s', 'wall/parse', 'wall/all', 'CPU/all', 'peak RSS MiB', 'RSS/all', 'findings', 'fatal', 'same findings as ESLint all'];
  const right = [false, true, true, true, true, true, true, true, true, true, false];
  const rows = names.map((name) => {
    const s = summaries[name];
    if (!s?.ok) return [name, 'FAILED', '-', '-', '-', '-', '-', '-', '-', '-', '-'];
    const p = parity(s, summaries.all);
    const same = p == null ? '-' : p.same ? 'yes' : `no: ${p.files[0] !== p.files[1] ? `files ${p.files[0]} vs ${p.files[1]}; ` : ''}${p.differs.join(', ')}`;
    return [name, s.files, fmtS(s.wallS), fmtX(s.wallRatio), fmtX(s.wallVs), fmtX(s.cpuVs), fmtMiB(s.maxRssMiB), fmtX(s.rssVs), s.findings, s.fatal, same];
  });
  return { head, rows, right };
}

function oursTable(summaries) {
  const rec = summaries.recommended?.ok ? summaries.recommended : null;
  const all = summaries.all?.ok ? summaries.all : null;
  const typed = summaries['subset-type-checked']?.ok ? summaries['subset-type-checked'] : null;
  const alone = (id) => summaries[`alone:${id.slice(PLUGIN_PREFIX.length)}`];
  const hasAlone = Object.keys(summaries).some((n) => n.startsWith('alone:'));
  if (!rec && !all) return null;
  const ids = new Set([...Object.keys(rec?.rules ?? {}), ...Object.keys(all?.rules ?? {})].filter((id) => id.startsWith(PLUGIN_PREFIX)));
  const cost = (id) => all?.rules[id]?.sharePct ?? rec?.rules[id]?.sharePct ?? 0;
  const sorted = [...ids].sort((a, b) => cost(b) - cost(a));
  const files = (all ?? rec).files;
  const head = ['rule', 'in recommended', 'recommended % of parse', 'all % of parse', 'ms (all)', 'µs per file (all)', 'findings', `<= ${GOAL_PER_RULE}%`];
  const right = [false, false, true, true, true, true, true, false];
  if (typed) {
    head.splice(7, 0, 'type-checked subset % of typed parse');
    right.splice(7, 0, true);
  }
  if (hasAlone) {
    head.splice(4, 0, 'alone % of parse');
    right.splice(4, 0, true);
  }
  const rows = sorted.map((id) => {
    const row = [
      id,
      rec?.rules[id] ? 'yes' : rec ? 'no' : '?',
      fmtPct(rec?.rules[id]?.sharePct),
      fmtPct(all?.rules[id]?.sharePct),
      fmtMs((all ?? rec).rules[id]?.ms),
      fmtMs(((all ?? rec).rules[id]?.ms ?? 0) * 1000 / files),
      (all ?? rec).rules[id]?.findings ?? 0,
      cost(id) <= GOAL_PER_RULE ? 'ok' : 'OVER',
    ];
    if (typed) row.splice(7, 0, typed.rules[id] ? fmtPct(typed.rules[id].sharePct) : '-');
    if (hasAlone) row.splice(4, 0, alone(id)?.ok ? fmtPct(alone(id).rules[id]?.sharePct ?? 0) : '-');
    return row;
  });
  return { head, rows, right };
}

function peersTable(summaries, order, top = 5) {
  const rows = [];
  for (const name of order) {
    const s = summaries[name];
    if (!s?.ok || SCENARIOS[name].kind !== 'peer') continue;
    const sorted = Object.entries(s.rules)
      .filter(([id]) => id.includes('/'))
      .sort((a, b) => b[1].sharePct - a[1].sharePct)
      .slice(0, top);
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
    for (const [name, s] of Object.entries(SCENARIOS)) {
      console.log(`${name.padEnd(20)} ${s.kind.padEnd(6)} ${DEFAULT_SCENARIOS.includes(name) ? 'default' : '       '} ${s.description}`);
    }
    return 0;
  }
  if (opts.report) {
    const saved = JSON.parse(fs.readFileSync(opts.report, 'utf8'));
    console.log(render(saved.meta, saved.importTimes ?? {}, saved.runs, opts.markdown).text);
    return 0;
  }
  const log = (msg) => console.error(msg);
  for (const dir of [CONFIG_DIR, RESULTS_DIR, RUNS_DIR]) fs.mkdirSync(dir, { recursive: true });

  // Target
  let corpus = null;
  let cwd;
  let lintArgs;
  if (opts.apps) {
    // The application corpus: services and Next.js/React apps, where the rules have far more to look at.
    const apps = await import('./apps.mjs');
    opts.target = apps.extractAll(log);
  }
  if (opts.target) {
    cwd = opts.target; // ESLint's base path with --config is the cwd: lint everything below it.
    lintArgs = ['.'];
  } else {
    log(`corpus: ${path.relative(REPO_ROOT, CORPUS_DIR)} from ${opts.corpusList}${opts.extraList ? ` and ${path.relative(REPO_ROOT, opts.extraList)}` : ''}`);
    corpus = ensureCorpus({ listFile: opts.corpusList, extraListFile: opts.extraList, extras: opts.extras, log });
    printCorpus(corpus, log);
    cwd = CORPUS_DIR;
    lintArgs = corpus.packages.map((p) => path.relative(CORPUS_DIR, packageDir(p.spec)));
  }
  if (opts.fetchOnly) return 0;

  if (opts.snapshot) opts.plugin = snapshotPlugin(opts.plugin, log);

  // Scenarios
  let order = (opts.only ?? DEFAULT_SCENARIOS).filter((n) => !opts.skip.includes(n));
  const skipped = {};
  const skip = (names, why) => {
    for (const n of names) skipped[n] = why;
    if (names.length) log(`skipping ${names.join(', ')}: ${why}`);
    order = order.filter((n) => !skipped[n]);
  };
  const needsPlugin = (n) => ['ours', 'typed'].includes(SCENARIOS[n].kind) || SCENARIOS[n].tool !== 'eslint';
  if (!fs.existsSync(opts.plugin)) {
    skip(order.filter(needsPlugin), `${path.relative(REPO_ROOT, opts.plugin)} not found (plugin not built: run \`npm run build\`)`);
  }
  const codemodCli = path.join(path.dirname(opts.plugin), 'codemod', 'cli.js');
  if (!fs.existsSync(codemodCli)) skip(order.filter((n) => SCENARIOS[n].tool.startsWith('codemod')), `${path.relative(REPO_ROOT, codemodCli)} not found`);
  if (!fs.existsSync(OXLINT_BIN)) skip(order.filter((n) => SCENARIOS[n].tool === 'oxlint'), 'node_modules/oxlint not installed (npm ci)');
  let subsetArgs = [];
  if (opts.target) {
    skip(order.filter((n) => SCENARIOS[n].target === 'subset'), 'the type-aware subset is part of the corpus, not of --target');
  } else {
    const missing = opts.subset.filter((dir) => !fs.existsSync(path.join(CORPUS_DIR, dir)));
    if (missing.length) {
      skip(order.filter((n) => SCENARIOS[n].target === 'subset'), `subset folders not in the corpus: ${missing.join(', ')}`);
    } else {
      subsetArgs = opts.subset;
      if (order.some((n) => SCENARIOS[n].target === 'subset')) ensureSubsetTsconfigs(opts.subset);
    }
  }
  if (order.length === 0) {
    log('nothing to run');
    return 1;
  }
  if (order.some((n) => SCENARIOS[n].kind === 'peer')) ensureTools(log);
  if (!opts.target && order.some((n) => SCENARIOS[n].tool !== 'eslint')) ensureCorpusRepo(log);

  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const ctx = { stamp, cwd, lintArgs, subsetArgs, codemodCli, measure: opts.measure, plugin: opts.plugin, configs: {}, allRules: null };
  if (order.some(needsPlugin) || (opts.perRule && fs.existsSync(opts.plugin))) {
    const mod = await import(pathToFileURL(opts.plugin).href);
    ctx.allRules = (mod.default ?? mod).configs.all.rules;
  }
  if (opts.perRule && ctx.allRules) {
    const alone = registerAloneScenarios(Object.keys(ctx.allRules));
    const at = order.includes('all') ? order.indexOf('all') + 1 : order.filter((n) => SCENARIOS[n].target === 'corpus').length;
    order.splice(at, 0, ...alone.filter((n) => !order.includes(n)));
  }
  for (const name of order) ctx.configs[name] = writeConfig(name, ctx);

  // Plugin import times (separate processes)
  const importTimes = {};
  if (opts.importRuns > 0) {
    if (order.some(needsPlugin)) {
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
      const inProcess = run.ok && run.stats.parseMs != null ? `  parse ${(run.stats.parseMs / 1000).toFixed(1)} s  rules ${(run.stats.rulesMs / 1000).toFixed(2)} s` : '';
      log(
        run.ok
          ? `  round ${round} ${name.padEnd(20)} wall ${run.wallS.toFixed(1)} s${inProcess}  RSS ${fmtMiB(run.maxRssMiB)} MiB  files ${run.stats.files}`
          : `  round ${round} ${name.padEnd(20)} FAILED (exit ${run.exitCode}):\n${run.error}`,
      );
    }
  }
  const loadAfter = os.loadavg();

  const version = (...parts) => {
    const text = readIfExists(path.join(REPO_ROOT, 'node_modules', ...parts, 'package.json'));
    return text ? JSON.parse(text).version : null;
  };
  const meta = {
    date: new Date().toISOString(),
    node: process.version,
    eslint: version('eslint'),
    parser: version('@typescript-eslint', 'parser'),
    typescript: version('typescript'),
    oxlint: version('oxlint'),
    peers: peerVersions(),
    plugin: path.relative(REPO_ROOT, opts.plugin),
    pluginRules: ctx.allRules ? Object.keys(ctx.allRules) : undefined,
    gitHead: gitHead(),
    cpus: os.cpus().length,
    loadavg: { before: loadBefore, after: loadAfter },
    target: path.relative(REPO_ROOT, cwd) || '.',
    lintArgs,
    subset: subsetArgs,
    corpus: corpus
      ? {
          list: opts.corpusList,
          extraList: opts.extraList,
          totals: corpus.totals,
          packages: corpus.packages.map((p) => Object.fromEntries(Object.entries(p).filter(([key]) => key !== 'dir' && key !== 'cached'))),
        }
      : null,
    runs: opts.runs,
    importRuns: opts.importRuns,
    measure: opts.measure === 'time' ? 'GNU /usr/bin/time -v (peak RSS, CPU); wall from the parent' : 'node --import rusage probe (peak RSS, CPU); wall from the parent',
    scenarios: order,
    skipped,
  };
  const { text, summaries, goals } = render(meta, importTimes, rawRuns, opts.markdown);
  const resultFile = path.join(RESULTS_DIR, `${stamp}.json`);
  fs.writeFileSync(resultFile, JSON.stringify({ meta, importTimes, summaries, goals, runs: stripRuns(rawRuns) }, null, 2) + '\n');
  console.log(`${text}\n\nresults: ${path.relative(process.cwd(), resultFile)} (print again: node perf/bench.mjs --report <file>)`);
  return order.every((n) => summaries[n].ok) ? 0 : 1;
}

/** Summaries, goals and the printed tables of one run (also `--report <results.json>`). */
function render(meta, importTimes, rawRuns, markdown) {
  if (meta.scenarios.some((n) => n.startsWith('alone:'))) registerAloneScenarios(meta.pluginRules ?? []);
  const order = meta.scenarios.filter((n) => SCENARIOS[n] && rawRuns[n]);
  const skipped = meta.skipped ?? {};
  const subsetArgs = meta.subset ?? [];
  const loadBefore = meta.loadavg.before;
  const loadAfter = meta.loadavg.after;
  const summaries = Object.fromEntries(
    order.map((n) => {
      const scenario = SCENARIOS[n];
      return [n, summarise(n, rawRuns[n], rawRuns[scenario.floor] ?? null, scenario.vs ? (rawRuns[scenario.vs] ?? null) : null)];
    }),
  );
  const goals = evaluateGoals(summaries, { rawRuns });

  const out = [];
  const corpusOrder = order.filter((n) => SCENARIOS[n].tool === 'eslint' && SCENARIOS[n].target === 'corpus' && SCENARIOS[n].kind !== 'alone');
  const subsetOrder = order.filter((n) => SCENARIOS[n].tool === 'eslint' && SCENARIOS[n].target === 'subset');
  out.push('');
  out.push(
    `${meta.date}, git ${meta.gitHead ?? '?'}: eslint ${meta.eslint}, @typescript-eslint/parser ${meta.parser}, typescript ${meta.typescript}, oxlint ${meta.oxlint ?? '-'}, node ${meta.node}, ${meta.cpus} CPUs; target ${meta.target}${meta.corpus ? ` (${meta.corpus.totals.files} files, ${meta.corpus.totals.lines} lines)` : ''}; ${meta.runs} round(s); load avg ${loadBefore[0].toFixed(2)} -> ${loadAfter[0].toFixed(2)}`,
  );
  out.push(
    'rules/parse: in-process (--stats), median of per-run shares, plugin rules only; wall/floor, CPU/floor: median of per-round ratios to the floor scenario (parse, or subset-parse for the subset)',
  );
  const tables = [];
  if (corpusOrder.length) tables.push([`ESLint on ${meta.target}:`, mainTable(summaries, corpusOrder)]);
  const tools = toolsTable(summaries, order);
  if (tools) tables.push(['oxlint and cache-codemod on the same files (whole process; ratios to ESLint parse-only and ESLint all, same round):', tools]);
  if (subsetOrder.length) tables.push([`type-aware subset (${subsetArgs.join(', ')}; projectService; ratios to subset-parse):`, mainTable(summaries, subsetOrder)]);
  for (const [title, t] of tables) out.push('', title, textTable(t.head, t.rows, t.right));
  for (const name of order) {
    const s = summaries[name];
    if (!s.ok) out.push(`\n${name} FAILED:\n${s.error}`);
    else if (s.fatal) out.push(`\n${name}: ${s.fatal} fatal error(s), e.g. ${(s.fatalFiles ?? []).slice(0, 3).join('; ')}`);
  }
  for (const [name, why] of Object.entries(skipped)) out.push(`${name}: skipped, ${why}`);
  if (meta.pluginRules) out.push('', `rules in configs.all (${meta.pluginRules.length}): ${meta.pluginRules.join(', ')}`);
  if (Object.keys(importTimes).length) {
    out.push(
      '',
      `plugin import time (median of ${meta.importRuns ?? '?'} processes): ${Object.entries(importTimes)
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
  if (markdown) {
    out.push('', '---- markdown ----');
    for (const [title, t] of tables) out.push('', title, '', mdTable(t.head, t.rows, t.right));
    if (ours) out.push('', mdTable(ours.head, ours.rows, ours.right));
    if (peers) out.push('', mdTable(peers.head, peers.rows, peers.right));
    if (goals.length) {
      out.push('', mdTable(['goal', 'measured', 'status'], goals.map((g) => [g.goal, g.value, g.pass == null ? '?' : g.pass ? 'pass' : 'FAIL']), [false, false, false]));
    }
  }
  return { text: out.join('\n'), summaries, goals };
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
    console.error(err instanceof Error ? (process.env.BENCH_DEBUG ? err.stack : err.message) : err);
    process.exitCode = 2;
  },
);
