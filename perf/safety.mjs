// Crash and fix safety at scale: every rule of the plugin, with its fixes and suggestions, over the
// whole benchmark corpus (../shared/bench-corpus.txt + perf/corpus-extra.txt, fetched on first use
// into perf/.work/corpus). See perf/safety-check.mjs for what is checked on each file.
//
//   npm run safety                      # = npm run build && node perf/safety.mjs
//   node perf/safety.mjs --help
//
// Exits 1 when a problem is found (a rule throws, a fixed file or a suggestion does not parse, a
// second fix pass changes the code), 2 on a usage or setup error. Writes
// perf/.work/results/safety-<timestamp>.json with every problem (rule, file, line, error, snippet).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { CORPUS_DIR, DEFAULT_CORPUS_LIST, DEFAULT_EXTRA_LIST, REPO_ROOT, WORK_DIR, ensureCorpus, packageDir } from './corpus.mjs';
import { SOURCE_FILE, createSafetyChecker } from './safety-check.mjs';

const HELP = `usage: node perf/safety.mjs [options] [folders...]

Runs every rule of the built plugin, with fixes and suggestions, over the benchmark corpus (or the
given folders) and checks: no rule throws; every suggestion's output parses; one pass of fixes
parses and a second pass changes nothing; ESLint's fix loop converges.

Options:
  --plugin <file>       plugin module (default dist/src/index.js; run \`npm run build\` first)
  --rules <a,b,...>     only these rules (names without cache/)
  --corpus-list <file>  main package list (default ../shared/bench-corpus.txt)
  --extra-list <file>   second list, server code (default perf/corpus-extra.txt)
  --no-extra            leave the second list out
  --limit <N>           stop after N files (a quick look)
  --quiet               no progress lines
  -h, --help            this text`;

function parseArgs(argv) {
  const opts = { plugin: path.join(REPO_ROOT, 'dist', 'src', 'index.js'), rules: null, corpusList: DEFAULT_CORPUS_LIST, extraList: DEFAULT_EXTRA_LIST, limit: Infinity, quiet: false, folders: [], help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--plugin') opts.plugin = path.resolve(value());
    else if (arg === '--rules') opts.rules = value().split(',').map((s) => s.trim().replace(/^cache\//, '')).filter(Boolean);
    else if (arg === '--corpus-list') opts.corpusList = path.resolve(value());
    else if (arg === '--extra-list') opts.extraList = path.resolve(value());
    else if (arg === '--no-extra') opts.extraList = null;
    else if (arg === '--limit') opts.limit = Number(value());
    else if (arg === '--quiet') opts.quiet = true;
    else if (arg === '-h' || arg === '--help') opts.help = true;
    else if (arg.startsWith('-')) throw new Error(`unknown option ${arg} (see --help)`);
    else opts.folders.push(path.resolve(arg));
  }
  return opts;
}

function walk(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === '.git') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile() && SOURCE_FILE.test(entry.name) && !/\.d\.[cm]?ts$/.test(entry.name)) out.push(full);
  }
  return out;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.help) {
    console.log(HELP);
    return 0;
  }
  const log = (msg) => console.error(msg);
  if (!fs.existsSync(opts.plugin)) {
    log(`${path.relative(REPO_ROOT, opts.plugin)} not found: run \`npm run build\` (or \`npm run safety\`, which builds first)`);
    return 2;
  }
  const mod = await import(pathToFileURL(opts.plugin).href);
  const plugin = mod.default ?? mod;
  const tsParser = (await import('@typescript-eslint/parser')).default;
  const rules = opts.rules ?? Object.keys(plugin.rules);
  for (const rule of rules) if (!plugin.rules[rule]) throw new Error(`no rule ${rule} in ${opts.plugin}`);

  // Files: the corpus (both lists) or the given folders; names relative to their root.
  let base;
  let roots;
  if (opts.folders.length) {
    base = process.cwd();
    roots = opts.folders;
  } else {
    const corpus = ensureCorpus({ listFile: opts.corpusList, extraListFile: opts.extraList, log });
    base = CORPUS_DIR;
    roots = corpus.packages.map((p) => packageDir(p.spec));
  }
  const files = roots.flatMap((root) => walk(root)).slice(0, opts.limit);
  log(`safety: ${rules.length} rules, ${files.length} files (${roots.map((r) => path.relative(base, r) || '.').join(', ')})`);

  // The Linter resolves relative file names against the process's cwd.
  process.chdir(base);
  const { check } = createSafetyChecker({ plugin, tsParser, rules });
  const totals = { files: 0, checks: 0, unparsable: 0, messages: 0, fixes: 0, fixedFiles: 0, suggestions: 0 };
  const byRule = Object.fromEntries(rules.map((r) => [`cache/${r}`, 0]));
  const problems = [];
  const unparsable = [];
  const t0 = performance.now();
  for (const [i, file] of files.entries()) {
    const rel = path.relative(base, file).split(path.sep).join('/');
    const text = fs.readFileSync(file, 'utf8');
    const r = check(rel, text);
    totals.files++;
    totals.checks += r.parsers.length;
    totals.unparsable += r.unparsable;
    totals.messages += r.messages;
    totals.fixes += r.fixes;
    totals.fixedFiles += r.fixedFiles;
    totals.suggestions += r.suggestions;
    for (const [id, n] of Object.entries(r.messagesByRule)) byRule[id] = (byRule[id] ?? 0) + n;
    if (r.unparsable) unparsable.push(rel);
    for (const p of r.problems) {
      problems.push(p);
      log(`  PROBLEM ${p.kind}: ${p.ruleId ?? '?'} in ${p.file}${p.line ? `:${p.line}` : ''} (${p.parser}): ${String(p.message).split('\n')[0]}`);
    }
    if (!opts.quiet && (i + 1) % 500 === 0) log(`  ${i + 1}/${files.length} files, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  const seconds = (performance.now() - t0) / 1000;

  const out = [];
  out.push('', `checked ${totals.files} files (${totals.checks} file x parser checks) in ${seconds.toFixed(1)} s`);
  out.push(`findings ${totals.messages}; fixes applied and re-checked ${totals.fixes} in ${totals.fixedFiles} file checks; suggestions re-parsed ${totals.suggestions}`);
  out.push(`did not parse before any fix (not counted as problems): ${totals.unparsable}${unparsable.length ? ` (${unparsable.slice(0, 5).join(', ')}${unparsable.length > 5 ? ', ...' : ''})` : ''}`);
  out.push('', 'findings per rule:');
  for (const [id, n] of Object.entries(byRule).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) out.push(`  ${id.padEnd(42)} ${n}`);
  const kinds = {};
  for (const p of problems) {
    const key = `${p.kind} | ${p.ruleId ?? '?'}`;
    kinds[key] = (kinds[key] ?? 0) + 1;
  }
  out.push('', problems.length ? `PROBLEMS: ${problems.length}` : 'no problems: no rule threw, every fixed file and suggestion parses, second fix passes change nothing');
  for (const [key, n] of Object.entries(kinds)) out.push(`  ${n} x ${key}`);
  for (const p of problems.slice(0, 30)) {
    out.push('', `- ${p.kind}: ${p.ruleId ?? '?'} (${p.parser})`, `  ${p.file}${p.line ? `:${p.line}${p.column ? `:${p.column}` : ''}` : ''}`, `  ${String(p.message).split('\n').join('\n  ')}`);
    if (p.snippet) out.push(`  before: ${p.snippet.before}`, `  after:  ${p.snippet.after}`);
  }

  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const resultsDir = path.join(WORK_DIR, 'results');
  fs.mkdirSync(resultsDir, { recursive: true });
  const report = path.join(resultsDir, `safety-${stamp}.json`);
  fs.writeFileSync(
    report,
    JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, plugin: path.relative(REPO_ROOT, opts.plugin), rules, roots: roots.map((r) => path.relative(REPO_ROOT, r)), seconds, totals, findingsByRule: byRule, unparsable, problems }, null, 2) + '\n',
  );
  out.push('', `report: ${path.relative(REPO_ROOT, report)}`);
  console.log(out.join('\n'));
  return problems.length ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exitCode = 2;
  },
);
