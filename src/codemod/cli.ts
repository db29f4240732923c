#!/usr/bin/env node
import { realpathSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createTwoFilesPatch } from 'diff';
import plugin from '../index.js';
import { version } from '../meta.js';
import { makeBaseline, newFindings, readBaseline } from './baseline.js';
import { CROSS_FILE_CHECKS, crossFileFindings } from './crossfile.js';
import { UsageError, type CodemodFinding, type EngineOptions } from './engine.js';
import type { FileFacts } from './facts.js';
import { dirtyFiles, displayPath, gitRoot, selectFiles, shardFiles } from './files.js';
import type { FileResult, Job } from './process-file.js';
import { Progress } from './progress.js';
import { colours, formatJson, formatSarif, formatText, summaryLine, type ReportFile, type Summary } from './report.js';
import { processFiles, workerCount } from './run.js';
import { groupByTsconfig, programFor } from './typed.js';
import { MIGRATIONS } from './migrations/index.js';
import { dependencyMajor } from '../core/project/versions.js';
import { packageJsonUpdates, packageJsonsOf, versionLines } from './migrations/dependencies.js';
import { writeFileAtomic } from './write.js';

const HELP: Record<string, string> = {
  main: `cache-codemod ${version}: find and fix caching bugs across a repository.

Usage: cache-codemod <command> [options] [paths...]

Commands:
  scan [paths]      run every rule plus the cross-file checks; report findings
  fix [paths]       apply the rules' safe fixes (and, on request, chosen suggestions)
  list              list the rules, cross-file checks and migrations, and what each changes
  migrate <name>    upgrade code to a newer major version of a caching API (see 'list')

Run 'cache-codemod <command> --help' for a command's options.
Files are selected as git does (tracked and untracked-not-ignored files); node_modules, dist,
build, .next, coverage, *.d.ts and symbolic links are skipped. Nothing is sent anywhere.`,
  scan: `Usage: cache-codemod scan [options] [paths...]

Report caching bugs in the given paths (default: the current directory).

Options:
  --format <text|json|sarif>  output format (default: text)
  --output <file>             write the report to a file instead of standard output
  --fail-on <error|warning|none>
                              exit 1 when findings at or above this level exist (default: error)
  --rules <a,b,...>           run only these rules (names without 'cache/')
  --workers <n>               worker threads (default: the number of cores)
  --shard <i/n>               process only shard i of n (for CI matrices)
  --type-aware                parse against a TypeScript program built by ts-morph (the nearest
                              tsconfig.json of each file), for rules' type-aware paths
  --project <tsconfig>        with --type-aware: use this tsconfig for every file
  --baseline <file>           record today's findings in <file> when it does not exist; when it
                              does, report and fail only on findings that are not in it
  --update-baseline           rewrite the baseline file from this run
  --no-progress               never show progress
  -h, --help                  show this help

Exit codes: 0 no findings at the --fail-on level, 1 findings (or files that failed), 2 usage error
or nothing matched.`,
  fix: `Usage: cache-codemod fix [options] [paths...]

Apply the rules' autofixes across the given paths (default: the current directory).
Fixes are written atomically, only to files whose bytes change; files that do not parse are
skipped and reported, never written.

Options:
  --dry-run                   print a unified diff of what would change; write nothing
  --check                     write nothing; exit 1 if anything would change
  --suggestions <a,b,...>     also apply the first suggestion of these rules (changes a human
                              would choose in the editor, such as adding a TTL)
  --allow-dirty               write even when the git work tree has uncommitted changes
  --rules <a,b,...>           run only these rules
  --format <text|json>        output format (default: text)
  --workers <n>               worker threads (default: the number of cores)
  --shard <i/n>               process only shard i of n
  --no-progress               never show progress
  -h, --help                  show this help

Exit codes: 0 done (or nothing to change with --check), 1 changes pending with --check or files
failed, 2 usage error, nothing matched, or a dirty tree without --allow-dirty.`,
  migrate: `Usage: cache-codemod migrate <name> [options] [paths...]

Rewrite code bound to a package (through its imports, require calls and aliases) for a newer
major version. Only code proven to use the package is touched; what cannot be decided safely is
marked with a '// cache-codemod-todo(<name>): ...' comment instead of guessed.

Options:
  --dry-run                   print a unified diff; write nothing
  --check                     write nothing; exit 1 if anything would change
  --option <name=value>       a migration option (repeatable), e.g. --option profile=max
  --force                     run even where no package.json declares the package
  --update-package-json       also bump the declared ranges of the migrated packages in
                              package.json (and add packages the migrated code now imports)
  --allow-dirty               write even when the git work tree has uncommitted changes
  --format <text|json>        output format (default: text)
  --workers <n>, --shard <i/n>, --no-progress, -h/--help

Exit codes: 0 done (or nothing to do), 1 changes pending with --check or files failed, 2 usage
error, unknown migration, nothing matched, or a refused write.`,
  list: `Usage: cache-codemod list [--format json]

List the rules (with whether they fix or only suggest), the cross-file checks and the migrations.`,
};

interface Io {
  readonly cwd: string;
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  readonly env: NodeJS.ProcessEnv;
}

/** Runs the CLI; returns the exit code (tests call this directly). */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`cache-codemod: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

async function run(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.stdout.write(`${HELP.main}\n`);
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-v') {
    io.stdout.write(`${version}\n`);
    return 0;
  }
  if (command === 'list') return list(rest, io);
  if (command === 'scan' || command === 'fix') return scanOrFix(command, rest, io);
  if (command === 'migrate') {
    const [name, ...args] = rest;
    if (!name || name === '--help' || name === '-h') {
      io.stdout.write(`${HELP.migrate}\n\nMigrations:\n${[...MIGRATIONS.values()].map((m) => `  ${m.name.padEnd(24)} ${m.description}`).join('\n')}\n`);
      return name ? 0 : 2;
    }
    if (!MIGRATIONS.has(name)) throw new UsageError(`unknown migration "${name}". Migrations: ${[...MIGRATIONS.keys()].join(', ')}.`);
    return scanOrFix('migrate', args, io, name);
  }
  throw new UsageError(`unknown command "${command}". Commands: scan, fix, list, migrate. Run 'cache-codemod --help'.`);
}

function list(args: readonly string[], io: Io): number {
  const { values } = parse(args, { format: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    io.stdout.write(`${HELP.list}\n`);
    return 0;
  }
  const rules = Object.entries(plugin.rules)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, rule]) => ({
      id: `cache/${name}`,
      description: rule.meta.docs?.description ?? '',
      changes: rule.meta.fixable ? 'fix' : rule.meta.hasSuggestions ? 'suggestion (fix --suggestions)' : 'report only',
      config: (rule.meta.docs as { recommended?: string }).recommended ?? 'all',
    }));
  const checks = Object.entries(CROSS_FILE_CHECKS).map(([id, check]) => ({ id: `cache-codemod/${id}`, description: check.description, changes: 'report only' }));
  const migrations = [...MIGRATIONS.values()].map((m) => ({ name: m.name, package: m.package, targetMajor: m.targetMajor, description: m.description }));
  if (values.format === 'json') {
    io.stdout.write(`${JSON.stringify({ rules, crossFileChecks: checks, migrations }, null, 2)}\n`);
    return 0;
  }
  const c = colours(colourEnabled(io.stdout, io.env));
  const lines = [c.bold('Rules (also run by eslint with eslint-plugin-cache):')];
  for (const rule of rules) lines.push(`  ${rule.id.padEnd(40)} ${rule.changes.padEnd(32)} ${rule.description}`);
  lines.push('', c.bold('Cross-file checks (cache-codemod scan only):'));
  for (const check of checks) lines.push(`  ${check.id.padEnd(40)} ${check.changes.padEnd(32)} ${check.description}`);
  lines.push('', c.bold('Migrations (cache-codemod migrate <name>):'));
  for (const migration of migrations) lines.push(`  ${migration.name.padEnd(40)} ${migration.description}`);
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

type Options = NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>;

function parse(args: readonly string[], options: Options) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function colourEnabled(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): boolean {
  return !!stream.isTTY && env.NO_COLOR === undefined && env.TERM !== 'dumb';
}

function parseList(value: unknown): string[] | undefined {
  if (typeof value !== 'string') return undefined;
  return value
    .split(',')
    .map((item) => item.trim().replace(/^cache\//, ''))
    .filter(Boolean);
}

function parseShard(value: unknown): { index: number; count: number } | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(String(value));
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new UsageError(`--shard takes i/n with 1 <= i <= n, got "${String(value)}"`);
  return { index, count };
}

async function scanOrFix(command: 'scan' | 'fix' | 'migrate', args: readonly string[], io: Io, migrationName?: string): Promise<number> {
  const { values, positionals } = parse(args, {
    format: { type: 'string' },
    output: { type: 'string' },
    'fail-on': { type: 'string' },
    rules: { type: 'string' },
    workers: { type: 'string' },
    shard: { type: 'string' },
    'no-progress': { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    check: { type: 'boolean' },
    suggestions: { type: 'string' },
    'allow-dirty': { type: 'boolean' },
    baseline: { type: 'string' },
    'update-baseline': { type: 'boolean' },
    'type-aware': { type: 'boolean' },
    project: { type: 'string' },
    option: { type: 'string', multiple: true },
    force: { type: 'boolean' },
    'update-package-json': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(`${HELP[command]}\n`);
    return 0;
  }
  const format = (values.format as string | undefined) ?? 'text';
  if (!['text', 'json', 'sarif'].includes(format) || (command !== 'scan' && format === 'sarif')) {
    throw new UsageError(`--format must be text or json${command === 'scan' ? ' or sarif' : ''}, got "${format}"`);
  }
  const failOn = (values['fail-on'] as string | undefined) ?? 'error';
  if (!['error', 'warning', 'none'].includes(failOn)) throw new UsageError(`--fail-on must be error, warning or none, got "${failOn}"`);
  if (command === 'scan') {
    for (const flag of ['dry-run', 'check', 'suggestions', 'allow-dirty'] as const) {
      if (values[flag] !== undefined) throw new UsageError(`--${flag} belongs to 'fix', not 'scan'`);
    }
  } else if (values.baseline !== undefined || values['update-baseline']) {
    throw new UsageError(`--baseline belongs to 'scan', not '${command}'`);
  }
  if (command !== 'migrate' && (values.option !== undefined || values.force || values['update-package-json'])) throw new UsageError("--option, --force and --update-package-json belong to 'migrate'");
  if (command === 'migrate' && values.suggestions !== undefined) throw new UsageError("--suggestions belongs to 'fix'");
  const migrationOptions: Record<string, string> = {};
  for (const option of (values.option as string[] | undefined) ?? []) {
    const match = /^([\w-]+)=(.*)$/.exec(option);
    if (!match) throw new UsageError(`--option takes name=value, got "${option}"`);
    migrationOptions[match[1]!] = match[2]!;
  }
  const migration = migrationName ? MIGRATIONS.get(migrationName)! : undefined;
  for (const name of Object.keys(migrationOptions)) {
    if (!migration?.options?.[name]) throw new UsageError(`migration ${migrationName} has no option "${name}"${migration?.options ? ` (options: ${Object.keys(migration.options).join(', ')})` : ''}`);
  }
  try {
    migration?.checkOptions?.(migrationOptions);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values['update-baseline'] && values.baseline === undefined) throw new UsageError('--update-baseline needs --baseline <file>');
  const workersOption = values.workers === undefined ? undefined : Number(values.workers);
  if (workersOption !== undefined && (!Number.isInteger(workersOption) || workersOption < 1)) {
    throw new UsageError(`--workers takes a whole number >= 1, got "${String(values.workers)}"`);
  }
  const shard = parseShard(values.shard);
  const rules = parseList(values.rules);
  const suggestions = parseList(values.suggestions);
  for (const name of [...(rules ?? []), ...(suggestions ?? [])]) {
    if (!(name in plugin.rules)) throw new UsageError(`unknown rule "${name}". Run 'cache-codemod list' to see the rules.`);
  }

  const cwd = io.cwd;
  const started = Date.now();
  const all = selectFiles(cwd, positionals);
  if (all.length === 0) {
    throw new UsageError(`no source files matched ${positionals.length > 0 ? positionals.join(' ') : cwd} (looked for .ts, .tsx, .js, .jsx, .mts, .cts, .mjs, .cjs)`);
  }
  let files = shardFiles(all, shard);
  if (migration && !values.force) {
    // Only code in packages that depend on the migrated package; say so when there is none.
    const packages = [migration.package, ...(migration.alsoFor ?? [])];
    const declared = files.filter((file) => packages.some((name) => dependencyMajor(file, name) !== undefined));
    if (declared.length === 0) {
      io.stdout.write(`Nothing to do: no package.json above these files declares ${packages.join(' or ')} (use --force to migrate anyway).\n`);
      return 0;
    }
    for (const line of versionLines(migration, migrationOptions, packageJsonsOf(declared), (path) => displayPath(cwd, path))) io.stderr.write(`cache-codemod: ${line}\n`);
    files = declared;
  }
  const writing = command !== 'scan' && !values['dry-run'] && !values.check;
  if (writing && !values['allow-dirty']) {
    if (!gitRoot(cwd)) {
      throw new UsageError('not inside a git work tree, so changes could not be reviewed or undone; run with --allow-dirty to write anyway, or --dry-run to see the diff');
    }
    const dirty = dirtyFiles(cwd, values['update-package-json'] ? [...files, ...packageJsonsOf(files)] : files);
    if (dirty.length > 0) {
      const shown = dirty.slice(0, 10).map((file) => `  ${displayPath(cwd, file)}`).join('\n');
      throw new UsageError(
        `refusing to write: ${dirty.length} file(s) to fix have uncommitted changes:\n${shown}${dirty.length > 10 ? '\n  ...' : ''}\nCommit or stash them, or run with --allow-dirty.`,
      );
    }
  }

  if (values.project !== undefined && !values['type-aware']) throw new UsageError('--project goes with --type-aware');
  if (command === 'migrate' && values['type-aware']) throw new UsageError("--type-aware belongs to 'scan' and 'fix'");
  const engine: EngineOptions = { ...(rules ? { rules } : {}), ...(suggestions ? { suggestions } : {}) };
  const migrationJob = migrationName ? { migration: { name: migrationName, options: migrationOptions } } : {};
  const machineOutput = format !== 'text' || values.output !== undefined;
  const progress = new Progress(files.length, io.stderr, !values['no-progress'] && files.length >= 50);
  const results: FileResult[] = [];
  const collect = (result: FileResult): void => {
    results.push(result);
    progress.tick();
  };
  if (values['type-aware']) {
    // One program per tsconfig; programs cannot cross thread boundaries, so this runs in one thread.
    for (const [tsconfig, group] of groupByTsconfig(files, values.project as string | undefined, cwd)) {
      const { program, contains } = await programFor(tsconfig, group);
      const typed = group.filter(contains);
      const untyped = group.filter((file) => !contains(file));
      await processFiles(typed, { cwd, mode: command, engine: { ...engine, program }, facts: command === 'scan' }, 1, collect);
      await processFiles(untyped, { cwd, mode: command, engine, facts: command === 'scan' }, 1, collect);
    }
  } else {
    const job: Job = { cwd, mode: command, engine, facts: command === 'scan', ...migrationJob };
    await processFiles(files, job, workerCount(workersOption, files.length), collect);
  }
  progress.finish();
  results.sort((a, b) => a.file.localeCompare(b.file));

  // Cross-file checks see every file of the run (of this shard, when sharded).
  const facts = new Map<string, FileFacts>();
  for (const result of results) if (result.facts) facts.set(result.file, result.facts);
  const extra = new Map<string, CodemodFinding[]>();
  if (command === 'scan' && !rules) {
    for (const { file, finding } of crossFileFindings(facts, (path) => displayPath(cwd, path))) {
      if (facts.get(file)?.ignoredLines.includes(finding.line)) continue;
      extra.set(file, [...(extra.get(file) ?? []), finding]);
    }
  }

  const colour = colourEnabled(io.stdout, io.env) && !machineOutput;
  const c = colours(colour);
  let changed = 0;
  const diffs: string[] = [];
  for (const result of results) {
    if (result.output === undefined || result.original === undefined) continue;
    changed++;
    if (values['dry-run']) diffs.push(colourDiff(createTwoFilesPatch(`a/${displayPath(cwd, result.file)}`, `b/${displayPath(cwd, result.file)}`, result.original, result.output), c));
    if (writing) writeFileAtomic(result.file, result.output);
  }
  if (migration) {
    const migrated = results.filter((r) => r.output !== undefined && r.original !== undefined).map((r) => ({ file: r.file, original: r.original!, output: r.output! }));
    const updates = packageJsonUpdates(migration, migrationOptions, migrated, packageJsonsOf(files));
    for (const update of updates) {
      const where = displayPath(cwd, update.path);
      if (!values['update-package-json']) {
        io.stderr.write(`cache-codemod: ${where}: --update-package-json would write ${update.changes.join(', ')}\n`);
        continue;
      }
      changed++;
      if (values['dry-run']) diffs.push(colourDiff(createTwoFilesPatch(`a/${where}`, `b/${where}`, update.original, update.updated), c));
      if (writing) {
        writeFileAtomic(update.path, update.updated);
        io.stderr.write(`cache-codemod: ${where}: ${update.changes.join(', ')}\n`);
      }
    }
  }
  let reportFiles: ReportFile[] = results.map((result) => ({
    path: displayPath(cwd, result.file),
    findings: [...result.findings, ...(extra.get(result.file) ?? [])].sort((a, b) => a.line - b.line || a.column - b.column),
    ...(result.error ? { error: result.error } : {}),
  }));
  let baselineNote = '';
  if (values.baseline !== undefined) {
    const baselinePath = resolve(cwd, String(values.baseline));
    let baseline;
    try {
      baseline = values['update-baseline'] ? undefined : readBaseline(baselinePath);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    if (!baseline) {
      const made = makeBaseline(reportFiles);
      writeFileSync(baselinePath, `${JSON.stringify(made, null, 2)}\n`);
      const count = Object.values(made.files).reduce((sum, counts) => sum + Object.values(counts).reduce((a, b) => a + b, 0), 0);
      io.stderr.write(`cache-codemod: recorded ${count} finding(s) in ${displayPath(cwd, baselinePath)}; later runs fail only on new ones.\n`);
      reportFiles = reportFiles.map((file) => ({ ...file, findings: [] }));
    } else {
      const before = reportFiles.reduce((sum, file) => sum + file.findings.length, 0);
      reportFiles = newFindings(reportFiles, baseline);
      const known = before - reportFiles.reduce((sum, file) => sum + file.findings.length, 0);
      baselineNote = `${known} known finding(s) in the baseline not shown.`;
    }
  }
  const failed = results.filter((result) => result.error?.startsWith('internal error') || result.error?.startsWith('fix produced')).length;
  const skipped = results.filter((result) => result.error && !result.error.startsWith('internal error') && !result.error.startsWith('fix produced')).length;
  const findingCount = reportFiles.reduce((sum, file) => sum + file.findings.length, 0);
  const summary: Summary = {
    command,
    scanned: results.length,
    changed,
    unchanged: results.length - changed - skipped - failed,
    skipped,
    failed,
    needsReview:
      command === 'fix'
        ? reportFiles.reduce((sum, file) => sum + file.findings.length, 0)
        : command === 'migrate'
          ? results.reduce((sum, result) => sum + (result.marks ?? 0), 0)
          : 0,
    findings: findingCount,
    seconds: (Date.now() - started) / 1000,
  };

  let report: string;
  if (format === 'json') report = formatJson(reportFiles, summary);
  else if (format === 'sarif') report = formatSarif(reportFiles, cwd, version);
  else report = `${diffs.join('')}${formatText(reportFiles, summary, colour)}\n`;
  if (baselineNote) io.stderr.write(`cache-codemod: ${baselineNote}\n`);
  if (values.output !== undefined) {
    writeFileSync(resolve(cwd, String(values.output)), report);
    io.stderr.write(`${summaryLine(summary, colourEnabled(io.stderr, io.env))}\n`);
  } else {
    io.stdout.write(report);
  }
  if (migration && changed === 0 && failed === 0 && format === 'text') {
    io.stderr.write(`Nothing to do: no code in these files uses the ${migration.package} API that ${migration.name} changes.\n`);
  }
  if (command !== 'scan' && !writing && changed > 0 && format === 'text') {
    io.stderr.write(values.check ? `${changed} file(s) would change.\n` : `Dry run: ${changed} file(s) would change; nothing was written.\n`);
  }

  if (failed > 0) return 1;
  if (command !== 'scan') return values.check && changed > 0 ? 1 : 0;
  if (failOn === 'none') return 0;
  const failing = reportFiles.some((file) => file.findings.some((finding) => failOn === 'warning' || finding.severity === 'error'));
  return failing ? 1 : 0;
}

function colourDiff(patch: string, c: ReturnType<typeof colours>): string {
  return patch
    .split('\n')
    .map((line) => {
      if (line.startsWith('+++') || line.startsWith('---')) return c.bold(line);
      if (line.startsWith('+')) return c.green(line);
      if (line.startsWith('-')) return c.red(line);
      if (line.startsWith('@@')) return c.cyan(line);
      return line;
    })
    .join('\n');
}

/** True when this module is the program being run (through the bin link or directly), not imported by tests. */
function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  main(process.argv.slice(2), { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, env: process.env }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`cache-codemod: internal error: ${(error as Error).stack ?? String(error)}\nPlease report it with the command you ran.\n`);
      process.exitCode = 2;
    },
  );
}
