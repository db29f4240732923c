// The plugin as an oxlint JS plugin (`jsPlugins` in .oxlintrc.json): the built dist/ (plain ESM
// JavaScript: oxlint on Node 20 cannot load TypeScript plugins) run by the pinned oxlint
// devDependency over examples/ and the server fixtures must give the same findings (rule,
// file, line, column, message) as ESLint with `configs.all`, and the same fixed code.
// See docs/oxlint.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';

const root = join(import.meta.dirname, '..', '..');
const dist = join(root, 'dist', 'src', 'index.js');
const oxlintBin = join(root, 'node_modules', 'oxlint', 'bin', 'oxlint');
const oxlintVersion = (JSON.parse(readFileSync(join(root, 'node_modules', 'oxlint', 'package.json'), 'utf8')) as { version: string }).version;
/** What oxlint lints here: the example app and the server-code fixtures (every framework we support). */
const DIRS = ['examples', 'test/fixtures/server'];
const TS_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
const ALL_FILES = [...TS_FILES, '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'];

interface Plugin {
  meta: { name: string; namespace: string };
  rules: Record<string, unknown>;
  configs: Record<string, { rules?: Record<string, unknown> }>;
}
interface OxlintDiagnostic {
  message: string;
  code?: string;
  filename: string;
  labels: { span: { offset: number; length: number; line: number; column: number } }[];
}

let plugin: Plugin;
let work: string;

beforeAll(async () => {
  // oxlint loads the build, so the test needs one; `npm test` builds before it runs vitest.
  if (!existsSync(dist)) execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  plugin = ((await import(pathToFileURL(dist).href)) as { default: Plugin }).default;
  work = mkdtempSync(join(tmpdir(), 'cache-oxlint-'));
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

type Rules = Record<string, unknown>;

/** .oxlintrc.json: our build as a JS plugin, the given rules (default: configs.all), no native rules. */
function writeOxlintConfig(rules: Rules): string {
  const file = join(work, '.oxlintrc.json');
  writeFileSync(file, JSON.stringify({ jsPlugins: [dist], categories: { correctness: 'off' }, rules }, null, 2));
  return file;
}

function runOxlint(cwd: string, args: string[], rules: Rules = plugin.configs.all!.rules!): { diagnostics: OxlintDiagnostic[]; number_of_files: number } {
  const run = spawnSync(process.execPath, [oxlintBin, '--config', writeOxlintConfig(rules), '--ignore-pattern', '**/node_modules/**', ...args], { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
  // 0: no diagnostics, 1: diagnostics; anything else is a crash or a configuration error.
  expect([0, 1], run.stderr).toContain(run.status);
  return args.includes('json') ? JSON.parse(run.stdout) : { diagnostics: [], number_of_files: 0 };
}

function eslintFor(cwd: string, fix = false, rules?: Rules): ESLint {
  return new ESLint({
    cwd,
    fix,
    overrideConfigFile: true,
    overrideConfig: [
      { files: TS_FILES, languageOptions: { parser: tsParser } },
      // oxlint does not report unused disable directives by default; ESLint would, as rule-less messages.
      { files: ALL_FILES, linterOptions: { reportUnusedDisableDirectives: 'off' } },
      { files: ALL_FILES, ...(plugin.configs.all as object), ...(rules ? { rules } : {}) },
    ] as never,
  });
}

const posix = (path: string) => path.split(sep).join('/');

/** Both linters over `dirs` (relative to the repository): sorted `file:line:column rule message` lines. */
async function bothLinters(dirs: string[], rules?: Rules) {
  const ox = runOxlint(root, ['--format', 'json', ...dirs], rules);
  // A rule that throws under oxlint shows up as a diagnostic without a rule code ("Error running JS plugin").
  expect(ox.diagnostics.filter((d) => !d.code).map((d) => d.message)).toEqual([]);
  const oxlint = ox.diagnostics
    .map((d) => {
      const [, prefix, rule] = /^([^()]+)\((.+)\)$/.exec(d.code!)!;
      return `${posix(d.filename)}:${d.labels[0]!.span.line}:${d.labels[0]!.span.column} ${prefix}/${rule} ${d.message}`;
    })
    .sort();
  const results = await eslintFor(root, false, rules).lintFiles(dirs);
  const eslint = results.flatMap((r) => r.messages.map((m) => `${posix(relative(root, r.filePath))}:${m.line}:${m.column} ${m.ruleId} ${m.message}`)).sort();
  expect(eslint.filter((m) => !/ cache\//.test(m)), 'ESLint: no fatal parse errors').toEqual([]);
  expect(ox.number_of_files).toBe(results.length);
  return { oxlint, eslint };
}

describe(`oxlint ${oxlintVersion} with the plugin as a JS plugin`, () => {
  it('does not reserve our namespace: `cache` is no native oxlint plugin, and findings are named cache(<rule>)', () => {
    expect(plugin.meta.namespace).toBe('cache');
    const schema = readFileSync(join(root, 'node_modules', 'oxlint', 'configuration_schema.json'), 'utf8');
    const natives = [...schema.matchAll(/"enum":\s*\[([^\]]*"unicorn"[^\]]*)\]/g)].flatMap((m) => JSON.parse(`[${m[1]}]`) as string[]);
    expect(natives).toContain('react');
    expect(natives).not.toContain('cache');
  });

  it('reports what ESLint with configs.all reports on examples/ and the server fixtures: rule, file, line, column, message', async () => {
    const { oxlint, eslint } = await bothLinters(DIRS);
    expect(oxlint).toEqual(eslint);
    // Not vacuous: most rules report here.
    expect(new Set(eslint.map((m) => m.split(' ')[1])).size).toBeGreaterThanOrEqual(8);
  });

  it('applies rule options as ESLint does (defaults merged by the plugin, which oxlint does not do)', async () => {
    const rule = 'cache/require-no-store-on-mutation';
    const { oxlint, eslint } = await bothLinters(['test/fixtures/server'], { [rule]: ['error', { checkMissing: true }] });
    expect(oxlint).toEqual(eslint);
    const withDefaults = await bothLinters(['test/fixtures/server'], { [rule]: 'error' });
    expect(withDefaults.oxlint).toEqual(withDefaults.eslint);
    // The option changed something: every mutation without Cache-Control is reported with it on.
    expect(withDefaults.oxlint.length).toBeGreaterThan(0);
    expect(oxlint.length).toBeGreaterThan(withDefaults.oxlint.length);
  });

  it('applies the same fixes as ESLint (one oxlint pass = ESLint fix loop, because our fixes are idempotent)', async () => {
    const copy = (name: string) => {
      const dir = join(work, name);
      cpSync(join(root, 'test', 'fixtures', 'server'), dir, { recursive: true });
      return dir;
    };
    const oxDir = copy('oxlint-fix');
    const esDir = copy('eslint-fix');
    runOxlint(oxDir, ['--fix', '.']);
    await ESLint.outputFixes(await eslintFor(esDir, true).lintFiles(['.']));

    const files = (dir: string): string[] =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => posix(relative(dir, join(e.parentPath, e.name))))
        .sort();
    expect(files(oxDir)).toEqual(files(esDir));
    let changed = 0;
    for (const file of files(esDir)) {
      const fixed = readFileSync(join(esDir, file), 'utf8');
      expect(readFileSync(join(oxDir, file), 'utf8'), file).toBe(fixed);
      if (fixed !== readFileSync(join(root, 'test', 'fixtures', 'server', file), 'utf8')) changed++;
    }
    expect(changed).toBeGreaterThanOrEqual(3);
  });
});
