#!/usr/bin/env node
import { accessSync, constants, existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createHash } from 'node:crypto';
import { createTwoFilesPatch } from 'diff';
import plugin from '../index.js';
import { version } from '../meta.js';
import { makeBaseline, newFindings, readBaseline, updateBaseline, type Baseline } from './baseline.js';
import { resolveRuleConfig } from './config.js';
import { CROSS_FILE_CHECKS, crossFileFindings } from './crossfile.js';
import type { CodemodFinding, EngineOptions } from './engine.js';
import { UsageError } from './errors.js';
import type { FileFacts } from './facts.js';
import { dirtyFiles, displayPath, gitRoot, selectFiles, shardFiles } from './files.js';
import { DEFAULT_MAX_FILE_SIZE, type FileResult, type Job } from './process-file.js';
import { Progress } from './progress.js';
import { colours, formatJson, formatSarif, formatText, plural, summaryLine, type ReportFile, type Summary } from './report.js';
import { processFiles, workerCount } from './run.js';
import { groupByTsconfig, programFor } from './typed.js';
import { MIGRATIONS } from './migrations/index.js';
import { dependencyMajor } from '../core/project/versions.js';
import { packageJsonUpdates, packageJsonsOf, versionLines } from './migrations/dependencies.js';
import { acquireWriteLock, REFUSAL_TEXT, removePendingTemps, writeFileSafely, type Refusal, type WriteHooks } from './write.js';

const FILES_NOTE = `Files are selected as git does (tracked and untracked-not-ignored files); node_modules, dist,
build, .next, coverage, vendored code (.yarn, vendor), minified bundles, *.d.ts and symbolic
links are skipped, and so are files the project's ESLint config ignores. Nothing is sent anywhere.`;

const RULES_OPTIONS = `  --config <file>             read the cache/* rules from this ESLint flat config file instead of the
                              eslint.config.* that ESLint would find (none found: the recommended config)
  --rules <a,b,...>           run only these rules (names without 'cache/'), with the config's
                              severity and options where it sets them`;

const RUN_OPTIONS = `  --type-aware                parse against a TypeScript program built by ts-morph (the nearest
                              tsconfig.json of each file), for rules' type-aware paths (needs ts-morph)
  --project <tsconfig>        with --type-aware: use this tsconfig for every file
  --max-file-size <size>      skip larger files, counted as "too large" (default 2mb; 500kb, 4mb, bytes)
  --fail-on-unparsable        exit 1 when a file does not parse (default: it is skipped and reported)
  --workers <n>               worker threads (default: the number of cores)
  --shard <i/n>               process only shard i of n (for CI matrices)
  --no-progress               never show progress
  -h, --help                  show this help`;

const HELP: Record<string, string> = {
  main: `cache-codemod ${version}: find and fix caching bugs across a repository.

Usage: cache-codemod <command> [options] [paths...]

Commands:
  scan [paths]      run the rules your ESLint config turns on, plus the cross-file checks; report
  fix [paths]       apply the rules' safe fixes (and, on request, chosen suggestions)
  list              list the rules, cross-file checks and migrations, and what each changes
  migrate <name>    upgrade code to a newer major version of a caching API (see 'list')

Run 'cache-codemod <command> --help' for a command's options.
${FILES_NOTE}`,
  scan: `Usage: cache-codemod scan [options] [paths...]

Report caching bugs in the given paths (default: the current directory), with the cache/* rules,
severities and options of the project's ESLint config, as eslint would; findings of other plugins
are never reported.

Options:
  --format <text|json|sarif>  output format (default: text)
  --output <file>             write the report to a file instead of standard output
  --fail-on <error|warning|none>
                              exit 1 when findings at or above this level exist (default: error)
${RULES_OPTIONS}
  --no-cross-file             skip the cross-file checks (cache-codemod/*); they run by default,
                              and not with --rules
  --baseline <file>           record today's findings in <file> when it does not exist; when it
                              does, report and fail only on findings that are not in it
  --update-baseline           rewrite the baseline's entries for the files of this run (other
                              shards' and paths' entries are kept)
${RUN_OPTIONS}

Exit codes: 0 no findings at the --fail-on level, 1 findings (or files that failed), 2 usage error
or nothing matched.`,
  fix: `Usage: cache-codemod fix [options] [paths...]

Apply the autofixes of the rules the project's ESLint config turns on, across the given paths
(default: the current directory). Fixes are written atomically, only to files whose bytes change;
files that do not parse are skipped and reported, never written; read-only files, files edited
while the run works and files whose owner cannot be kept are reported and left alone. One run
at a time writes in a tree (a lock in the git folder).

Options:
  --dry-run                   print a unified diff of what would change; write nothing
  --check                     write nothing; exit 1 if anything would change
  --suggestions <a,b,...>     also apply the first suggestion of these rules (changes a human
                              would choose in the editor, such as adding a TTL)
  --allow-dirty               write even when the git work tree has uncommitted changes
${RULES_OPTIONS}
  --format <text|json>        output format (default: text)
${RUN_OPTIONS}

Exit codes: 0 done (or nothing to change with --check), 1 changes pending with --check, files
failed or not written, 2 usage error, nothing matched, a dirty tree without --allow-dirty, or
another run writing. Interrupted: 130 (SIGINT) or 143 (SIGTERM), temporary files removed.`,
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
  --max-file-size <size>, --fail-on-unparsable, --workers <n>, --shard <i/n>, --no-progress, -h/--help

Exit codes: 0 done (or nothing to do), 1 changes pending with --check, files failed or not
written, 2 usage error, unknown migration, nothing matched, or a refused write.`,
  list: `Usage: cache-codemod list [--format json]

List the rules (with whether they fix, suggest or only report), the cross-file checks and the migrations.`,
};

export interface Io {
  readonly cwd: string;
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  readonly env: NodeJS.ProcessEnv;
  /** Test hooks into writing (fault injection); never set by the bin. */
  readonly hooks?: WriteHooks;
}

/** Runs a command; returns the exit code. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
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
      fixable: !!rule.meta.fixable,
      hasSuggestions: !!rule.meta.hasSuggestions,
      // From the rule's metadata, as the README's table: a rule may both fix and suggest.
      changes: [rule.meta.fixable ? 'fix' : '', rule.meta.hasSuggestions ? 'suggestions (fix --suggestions)' : ''].filter(Boolean).join(', ') || 'report only',
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
  for (const rule of rules) lines.push(`  ${rule.id.padEnd(40)} ${rule.changes.padEnd(40)} ${rule.description}`);
  lines.push('', c.bold('Cross-file checks (cache-codemod scan only):'));
  for (const check of checks) lines.push(`  ${check.id.padEnd(40)} ${check.changes.padEnd(40)} ${check.description}`);
  lines.push('', c.bold('Migrations (cache-codemod migrate <name>):'));
  for (const migration of migrations) lines.push(`  ${migration.name.padEnd(40)} ${migration.description}`);
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

type Options = NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>;

function parse(args: readonly string[], options: Options, command = 'list') {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(usageMessage(error as Error & { code?: string }, command));
  }
}

/** parseArgs's errors, said the way the rest of the CLI speaks. */
function usageMessage(error: Error & { code?: string }, command: string): string {
  const option = /'(-[^' ]+)/.exec(error.message)?.[1] ?? '';
  const help = `Run 'cache-codemod ${command} --help' for its options.`;
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${option} for '${command}'. ${help}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take an argument/.test(error.message) ? `${option} takes no value. ${help}` : `${option} needs a value. ${help}`;
    default:
      return `${error.message.split('\n')[0]} ${help}`;
  }
}

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, kb: 1024, k: 1024, mb: 1024 ** 2, m: 1024 ** 2, gb: 1024 ** 3, g: 1024 ** 3 };

function parseSize(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(String(value).trim());
  const unit = SIZE_UNITS[match?.[2]?.toLowerCase() ?? 'x'];
  if (!match || unit === undefined || Number(match[1]) <= 0) throw new UsageError(`--max-file-size takes a size such as 500kb, 2mb or 1048576, got "${String(value)}"`);
  return Math.floor(Number(match[1]) * unit);
}

/** A report or baseline file must be writable where it goes, before the scan, not after it. */
function checkWritableTarget(flag: string, path: string, shown: string): void {
  if (existsSync(path) && statSync(path).isDirectory()) throw new UsageError(`${flag} ${shown} is a folder; give a file name`);
  const dir = dirname(path);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${flag} ${shown}: the folder ${dirname(shown) || '.'} does not exist`);
  try {
    accessSync(dir, constants.W_OK);
    if (existsSync(path)) accessSync(path, constants.W_OK);
  } catch {
    throw new UsageError(`${flag} ${shown}: cannot write there (permission denied)`);
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
  const { values, positionals } = parse(
    args,
    {
      format: { type: 'string' },
      output: { type: 'string' },
      'fail-on': { type: 'string' },
      rules: { type: 'string' },
      config: { type: 'string' },
      'no-cross-file': { type: 'boolean' },
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
      'max-file-size': { type: 'string' },
      'fail-on-unparsable': { type: 'boolean' },
      option: { type: 'string', multiple: true },
      force: { type: 'boolean' },
      'update-package-json': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    command,
  );
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
  } else {
    if (values.baseline !== undefined || values['update-baseline']) throw new UsageError(`--baseline belongs to 'scan', not '${command}'`);
    if (values['no-cross-file']) throw new UsageError(`--no-cross-file belongs to 'scan', not '${command}'`);
  }
  if (command !== 'migrate' && (values.option !== undefined || values.force || values['update-package-json'])) {
    throw new UsageError("--option, --force and --update-package-json belong to 'migrate'");
  }
  if (command === 'migrate') {
    for (const flag of ['suggestions', 'rules', 'config', 'type-aware'] as const) {
      if (values[flag] !== undefined) throw new UsageError(`--${flag} belongs to 'scan' and 'fix', not 'migrate'`);
    }
  }
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
  if (values.project !== undefined && !values['type-aware']) throw new UsageError('--project goes with --type-aware');
  const workersOption = values.workers === undefined ? undefined : Number(values.workers);
  if (workersOption !== undefined && (!Number.isInteger(workersOption) || workersOption < 1)) {
    throw new UsageError(`--workers takes a whole number >= 1, got "${String(values.workers)}"`);
  }
  const maxFileSize = parseSize(values['max-file-size']) ?? DEFAULT_MAX_FILE_SIZE;
  const shard = parseShard(values.shard);
  const rules = parseList(values.rules);
  const suggestions = parseList(values.suggestions);
  for (const name of [...(rules ?? []), ...(suggestions ?? [])]) {
    if (!(name in plugin.rules)) throw new UsageError(`unknown rule "${name}". Run 'cache-codemod list' to see the rules.`);
  }

  const cwd = io.cwd;
  // Everything that can be refused is refused before the scan: a report or baseline that
  // cannot be written, a baseline that cannot be read, a config file that does not exist.
  const outputPath = values.output === undefined ? undefined : resolve(cwd, String(values.output));
  if (outputPath) checkWritableTarget('--output', outputPath, String(values.output));
  const baselinePath = values.baseline === undefined ? undefined : resolve(cwd, String(values.baseline));
  let oldBaseline: Baseline | undefined;
  if (baselinePath) {
    checkWritableTarget('--baseline', baselinePath, String(values.baseline));
    try {
      oldBaseline = readBaseline(baselinePath, String(values.baseline));
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  const configFile = values.config === undefined ? undefined : resolve(cwd, String(values.config));
  if (configFile && !existsSync(configFile)) throw new UsageError(`--config ${String(values.config)} does not exist`);

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

  // The rules each file gets: the project's ESLint config, as eslint reads it.
  let engine: EngineOptions = suggestions ? { suggestions } : {};
  let ruleSetOf: Record<string, number> | undefined;
  let configSource: string | undefined;
  if (command !== 'migrate') {
    const resolved = await resolveRuleConfig(cwd, files, { ...(configFile ? { configFile } : {}), ...(rules ? { rules } : {}) });
    if (resolved.notLinted.length > 0) {
      const notLinted = new Set(resolved.notLinted);
      files = files.filter((file) => !notLinted.has(file));
      if (files.length === 0) throw new UsageError(`${resolved.source} ignores or does not lint any of the ${plural(notLinted.size, 'selected file')}, so there is nothing to check`);
      io.stderr.write(`cache-codemod: ${plural(notLinted.size, 'file')} not checked: ${resolved.source} ignores or does not lint ${notLinted.size === 1 ? 'it' : 'them'}.\n`);
    }
    if (resolved.ruleSets.every((set) => Object.keys(set).length === 0)) {
      io.stderr.write(`cache-codemod: ${resolved.source} turns on no cache/* rules for these files (use --rules or --config to choose some).\n`);
    }
    engine = { ...engine, ruleSets: resolved.ruleSets };
    ruleSetOf = resolved.ruleSetOf;
    configSource = resolved.source;
  }

  const writing = command !== 'scan' && !values['dry-run'] && !values.check;
  // One writing run per tree, taken before the dirty check so two runs cannot both pass it.
  const lock = writing ? acquireWriteLock(cwd) : undefined;
  if (lock?.note) io.stderr.write(`cache-codemod: ${lock.note}\n`);
  const onSignal = (signal: NodeJS.Signals): void => {
    removePendingTemps();
    lock?.release();
    io.stderr.write(`\ncache-codemod: interrupted (${signal}); temporary files removed, files already written stay written.\n`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  if (writing) {
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
  try {
    if (writing && !values['allow-dirty']) {
      if (!gitRoot(cwd)) {
        throw new UsageError('not inside a git work tree, so changes could not be reviewed or undone; run with --allow-dirty to write anyway, or --dry-run to see the diff');
      }
      const dirty = dirtyFiles(cwd, values['update-package-json'] ? [...files, ...packageJsonsOf(files)] : files);
      if (dirty.length > 0) {
        const shown = dirty.slice(0, 10).map((file) => `  ${displayPath(cwd, file)}`).join('\n');
        throw new UsageError(
          `refusing to write: ${plural(dirty.length, 'file')} to fix ${dirty.length === 1 ? 'has' : 'have'} uncommitted changes:\n${shown}${dirty.length > 10 ? '\n  ...' : ''}\nCommit or stash them, or run with --allow-dirty.`,
        );
      }
    }
    return await runFiles();
  } finally {
    if (writing) {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
    lock?.release();
  }

  async function runFiles(): Promise<number> {
    const crossFile = command === 'scan' && !rules && !values['no-cross-file'];
    const migrationJob = migrationName ? { migration: { name: migrationName, options: migrationOptions } } : {};
    const job: Job = { cwd, mode: command, engine, facts: crossFile, maxFileSize, ...(ruleSetOf ? { ruleSetOf } : {}), ...migrationJob };
    const machineOutput = format !== 'text' || outputPath !== undefined;
    const progress = new Progress(files.length, io.stderr, !values['no-progress'] && files.length >= 50);
    const results: FileResult[] = [];
    const collect = (result: FileResult): void => {
      results.push(result);
      progress.tick();
    };
    if (values['type-aware']) {
      // One program per tsconfig; programs cannot cross thread boundaries, so this runs in one thread.
      for (const [tsconfig, group] of groupByTsconfig(files, values.project as string | undefined, cwd)) {
        const typed = await programFor(tsconfig, group);
        await processFiles(group.filter(typed.contains), job, 1, collect, typed);
        await processFiles(
          group.filter((file) => !typed.contains(file)),
          job,
          1,
          collect,
        );
      }
    } else {
      await processFiles(files, job, workerCount(workersOption, files.length), collect);
    }
    progress.finish();
    results.sort((a, b) => a.file.localeCompare(b.file));

    // Cross-file checks see every file of the run (of this shard, when sharded).
    const facts = new Map<string, FileFacts>();
    for (const result of results) if (result.facts) facts.set(result.file, result.facts);
    const extra = new Map<string, CodemodFinding[]>();
    if (crossFile) {
      for (const { file, finding } of crossFileFindings(facts, (path) => displayPath(cwd, path))) {
        if (facts.get(file)?.ignoredLines.includes(finding.line)) continue;
        extra.set(file, [...(extra.get(file) ?? []), { ...finding, fingerprint: crossFileFingerprint(finding) }]);
      }
    }

    const colour = colourEnabled(io.stdout, io.env) && !machineOutput;
    const c = colours(colour);
    let changed = 0;
    const diffs: string[] = [];
    const written: string[] = [];
    /** Files left unwritten, with why (a refusal, or the file system's error: a folder without write access, a full disk). */
    const refused = new Map<string, string>();
    for (const result of results) {
      if (result.output === undefined || result.original === undefined) continue;
      changed++;
      const shown = displayPath(cwd, result.file);
      if (values['dry-run']) diffs.push(colourDiff(createTwoFilesPatch(`a/${shown}`, `b/${shown}`, result.original, result.output), c));
      if (!writing) continue;
      let refusal: string | undefined;
      try {
        const reason: Refusal | undefined = await writeFileSafely(result.file, result.original, result.output, io.hooks);
        refusal = reason && REFUSAL_TEXT[reason];
      } catch (error) {
        refusal = `not written: ${(error as Error).message}`;
      }
      if (refusal) refused.set(result.file, refusal);
      else written.push(shown);
    }
    if (migration) {
      // The package.json ranges the migrated code needs: said, or written with --update-package-json.
      const migrated = results.filter((r) => r.output !== undefined && r.original !== undefined).map((r) => ({ file: r.file, original: r.original!, output: r.output! }));
      for (const update of packageJsonUpdates(migration, migrationOptions, migrated, packageJsonsOf(files))) {
        const where = displayPath(cwd, update.path);
        if (!values['update-package-json']) {
          io.stderr.write(`cache-codemod: ${where}: --update-package-json would write ${update.changes.join(', ')}\n`);
          continue;
        }
        changed++;
        if (values['dry-run']) diffs.push(colourDiff(createTwoFilesPatch(`a/${where}`, `b/${where}`, update.original, update.updated), c));
        if (!writing) continue;
        let refusal: string | undefined;
        try {
          const reason: Refusal | undefined = await writeFileSafely(update.path, update.original, update.updated, io.hooks);
          refusal = reason && REFUSAL_TEXT[reason];
        } catch (error) {
          refusal = `not written: ${(error as Error).message}`;
        }
        if (refusal) {
          refused.set(update.path, refusal);
          io.stderr.write(`cache-codemod: ${where}: ${refusal}\n`);
        } else {
          written.push(where);
          io.stderr.write(`cache-codemod: ${where}: ${update.changes.join(', ')}\n`);
        }
      }
    }
    let reportFiles: ReportFile[] = results.map((result) => {
      const error = result.error ?? refused.get(result.file);
      return {
        path: displayPath(cwd, result.file),
        findings: [...result.findings, ...(extra.get(result.file) ?? [])].sort((a, b) => a.line - b.line || a.column - b.column),
        ...(error ? { error } : {}),
      };
    });
    let baselineNote = '';
    if (baselinePath) {
      if (!oldBaseline || values['update-baseline']) {
        const made = makeBaseline(reportFiles);
        const next = updateBaseline(oldBaseline, made, new Set(reportFiles.map((file) => file.path)));
        writeFileSync(baselinePath, `${JSON.stringify(next, null, 2)}\n`);
        const count = Object.values(made.files).reduce((sum, counts) => sum + Object.values(counts).reduce((a, b) => a + b, 0), 0);
        io.stderr.write(`cache-codemod: recorded ${plural(count, 'finding')} in ${displayPath(cwd, baselinePath)}; later runs fail only on new ones.\n`);
        reportFiles = reportFiles.map((file) => ({ ...file, findings: [] }));
      } else {
        const before = reportFiles.reduce((sum, file) => sum + file.findings.length, 0);
        reportFiles = newFindings(reportFiles, oldBaseline);
        const known = before - reportFiles.reduce((sum, file) => sum + file.findings.length, 0);
        baselineNote = `${plural(known, 'known finding')} in the baseline not shown.`;
      }
    }
    const skippedBy: Record<string, number> = {};
    for (const result of results) if (result.skip && result.skip !== 'failed') skippedBy[result.skip] = (skippedBy[result.skip] ?? 0) + 1;
    const failed = results.filter((result) => result.skip === 'failed').length;
    const skipped = Object.values(skippedBy).reduce((a, b) => a + b, 0);
    const findingCount = reportFiles.reduce((sum, file) => sum + file.findings.length, 0);
    const failOnUnparsable = !!values['fail-on-unparsable'];
    const summary: Summary = {
      command,
      ...(configSource ? { config: configSource } : {}),
      scanned: results.length,
      changed: changed - refused.size,
      unchanged: results.length - changed - skipped - failed,
      skipped,
      skippedBy,
      notWritten: refused.size,
      failed,
      failOnUnparsable,
      needsReview: command === 'fix' ? findingCount : command === 'migrate' ? results.reduce((sum, result) => sum + (result.marks ?? 0), 0) : 0,
      findings: findingCount,
      seconds: (Date.now() - started) / 1000,
    };

    let report: string;
    if (format === 'json') report = formatJson(reportFiles, summary);
    else if (format === 'sarif') report = formatSarif(reportFiles, cwd, version);
    else report = `${diffs.join('')}${formatText(reportFiles, summary, colour)}\n`;
    if (baselineNote) io.stderr.write(`cache-codemod: ${baselineNote}\n`);
    if (outputPath) {
      writeFileSync(outputPath, report);
      io.stderr.write(`${summaryLine(summary, colourEnabled(io.stderr, io.env))}\n`);
    } else {
      io.stdout.write(report);
    }
    if (written.length > 0 && format === 'text') {
      io.stderr.write(`Wrote ${plural(written.length, 'file')}:\n${written.map((path) => `  ${path}\n`).join('')}`);
    }
    if (migration && changed === 0 && failed === 0 && format === 'text') {
      io.stderr.write(`Nothing to do: no code in these files uses the ${migration.package} API that ${migration.name} changes.\n`);
    }
    if (command !== 'scan' && !writing && changed > 0 && format === 'text') {
      io.stderr.write(values.check ? `${plural(changed, 'file')} would change.\n` : `Dry run: ${plural(changed, 'file')} would change; nothing was written.\n`);
    }

    if (failed > 0 || refused.size > 0) return 1;
    if (failOnUnparsable && (skippedBy.unparsable ?? 0) > 0) return 1;
    if (command !== 'scan') return values.check && changed > 0 ? 1 : 0;
    if (failOn === 'none') return 0;
    const failing = reportFiles.some((file) => file.findings.some((finding) => failOn === 'warning' || finding.severity === 'error'));
    return failing ? 1 : 0;
  }
}

/** A cross-file finding's baseline identity: its check and message, without line numbers (which move). */
function crossFileFingerprint(finding: CodemodFinding): string {
  return createHash('sha1').update(`${finding.ruleId}\0${finding.messageId}\0${finding.message.replace(/:\d+/g, '')}`).digest('hex').slice(0, 16);
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
