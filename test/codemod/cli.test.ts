import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Ajv as AjvClass } from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import { git, repoWith, runCli, tempRepo } from './helpers.js';

const fixtures = join(import.meta.dirname, '__fixtures__');
const require = createRequire(import.meta.url);


const MUTATION = readFileSync(join(fixtures, 'fix', 'express-mutation.input.ts'), 'utf8');
const FIXED = readFileSync(join(fixtures, 'fix', 'express-mutation.output.ts'), 'utf8');

describe('cache-codemod CLI', () => {
  let repo: ReturnType<typeof tempRepo>;
  afterEach(() => repo?.cleanup());

  it('prints help and exits 0; no command is a usage error', async () => {
    repo = tempRepo();
    const help = await runCli(repo.dir, '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: cache-codemod <command>');
    expect((await runCli(repo.dir, 'fix', '--help')).stdout).toContain('--dry-run');
    expect((await runCli(repo.dir)).code).toBe(2);
    const unknown = await runCli(repo.dir, 'frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
  });

  it('lists every rule and cross-file check', async () => {
    repo = tempRepo();
    const { code, stdout } = await runCli(repo.dir, 'list', '--format', 'json');
    expect(code).toBe(0);
    const listed = JSON.parse(stdout) as { rules: { id: string }[]; crossFileChecks: { id: string }[] };
    const plugin = (await import('../../src/index.js')).default;
    expect(listed.rules.map((rule) => rule.id).sort()).toEqual(Object.keys(plugin.rules).map((name) => `cache/${name}`).sort());
    expect(listed.crossFileChecks.map((check) => check.id)).toEqual([
      'cache-codemod/stale-cross-module-write',
      'cache-codemod/cache-key-collision',
      'cache-codemod/memo-defeated-by-prop',
      'cache-codemod/memo-for-unmemoized-child',
    ]);
  });

  it('scan: exit code follows --fail-on (errors by default, as ESLint), and nothing matched is a usage error', async () => {
    repo = repoWith({ 'src/app.ts': MUTATION });
    // The recommended severities apply: these findings are warnings.
    const scan = await runCli(repo.dir, 'scan');
    expect(scan.code).toBe(0);
    expect(scan.stdout).toContain('src/app.ts');
    expect(scan.stdout).toContain('cache/require-no-store-on-mutation');
    expect((await runCli(repo.dir, 'scan', '--fail-on', 'warning')).code).toBe(1);
    writeFileSync(join(repo.dir, 'src/me.ts'), "import express from 'express';\nconst app = express();\napp.get('/me', (req, res) => { res.set('Cache-Control', 'public'); res.json(req.user); });\n");
    expect((await runCli(repo.dir, 'scan')).code).toBe(1);
    expect((await runCli(repo.dir, 'scan', '--fail-on', 'none')).code).toBe(0);
    const none = await runCli(repo.dir, 'scan', 'does-not-exist');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no such file or directory: does-not-exist');
    mkdirSync(join(repo.dir, 'docs'));
    const empty = await runCli(repo.dir, 'scan', 'docs');
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('no source files matched');
  });

  it('scan --format json reports findings with positions and a summary', async () => {
    repo = repoWith({ 'src/app.ts': MUTATION, 'src/clean.ts': 'export const x = 1;\n' });
    const { stdout } = await runCli(repo.dir, 'scan', '--format', 'json');
    const report = JSON.parse(stdout) as { summary: { scanned: number; findings: number }; files: { path: string; findings: { ruleId: string; line: number }[] }[] };
    expect(report.summary.scanned).toBe(2);
    expect(report.files.map((file) => file.path)).toEqual(['src/app.ts']);
    expect(report.files[0]!.findings.map((f) => `${f.line} ${f.ruleId}`)).toEqual([
      '5 cache/require-no-store-on-mutation',
      '12 cache/require-no-store-on-mutation',
      '17 cache/require-vary',
      '17 cache/valid-cache-control',
    ]);
    expect(report.summary.findings).toBe(4);
  });

  it('scan --format sarif is valid SARIF 2.1.0', async () => {
    repo = repoWith({ 'src/app.ts': MUTATION, 'src/broken.ts': 'export const = ;\n' });
    const { stdout } = await runCli(repo.dir, 'scan', '--format', 'sarif');
    const log = JSON.parse(stdout);
    const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
    // The published schema's patterns predate the `u` flag Ajv uses by default.
    const Ajv = ((AjvDraft04 as unknown as { default?: unknown }).default ?? AjvDraft04) as unknown as typeof AjvClass;
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(log.runs[0].results).toHaveLength(4);
    expect(log.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toContain('cache/require-vary');
    expect(log.runs[0].invocations[0].toolExecutionNotifications[0].message.text).toContain('src/broken.ts: skipped');
  });

  it('fix --dry-run prints a diff and writes nothing; fix writes; fix --check then exits 0', async () => {
    repo = repoWith({ 'src/app.ts': MUTATION });
    const file = join(repo.dir, 'src/app.ts');
    const dry = await runCli(repo.dir, 'fix', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("+  res.set('Cache-Control', 'no-store');");
    expect(dry.stdout).toContain('--- a/src/app.ts');
    expect(readFileSync(file, 'utf8')).toBe(MUTATION);
    expect((await runCli(repo.dir, 'fix', '--check')).code).toBe(1);
    const fix = await runCli(repo.dir, 'fix');
    expect(fix.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(FIXED);
    git(repo.dir, 'commit', '-qam', 'fixed');
    expect((await runCli(repo.dir, 'fix', '--check')).code).toBe(0);
    const again = await runCli(repo.dir, 'fix');
    expect(again.stdout).toContain('0 changed');
  });

  it('refuses to write on a dirty tree unless --allow-dirty', async () => {
    repo = repoWith({ 'src/app.ts': MUTATION });
    writeFileSync(join(repo.dir, 'src/app.ts'), `${MUTATION}// local edit\n`);
    const refused = await runCli(repo.dir, 'fix');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('uncommitted changes');
    expect(readFileSync(join(repo.dir, 'src/app.ts'), 'utf8')).toBe(`${MUTATION}// local edit\n`);
    const allowed = await runCli(repo.dir, 'fix', '--allow-dirty');
    expect(allowed.code).toBe(0);
    expect(readFileSync(join(repo.dir, 'src/app.ts'), 'utf8')).toBe(`${FIXED}// local edit\n`);
  });

  it('skips and counts a file that does not parse, and never writes it', async () => {
    const broken = "import express from 'express';\nconst app = express();\napp.post('/x', (req, res) => {\n";
    repo = repoWith({ 'src/broken.ts': broken, 'src/app.ts': MUTATION });
    const fix = await runCli(repo.dir, 'fix');
    expect(fix.code).toBe(0);
    expect(fix.stdout).toContain('1 skipped');
    expect(fix.stdout).toMatch(/src\/broken\.ts\n\s+skipped/);
    expect(readFileSync(join(repo.dir, 'src/broken.ts'), 'utf8')).toBe(broken);
    expect(readFileSync(join(repo.dir, 'src/app.ts'), 'utf8')).toBe(FIXED);
  });

  it('selects files as git does: ignored files, node_modules, dist and .d.ts are skipped', async () => {
    repo = repoWith({
      '.gitignore': 'generated/\n',
      'src/app.ts': MUTATION,
      'generated/app.ts': MUTATION,
      'node_modules/lib/app.ts': MUTATION,
      'dist/app.js': MUTATION,
      'types/app.d.ts': 'export declare const x: number;\n',
    });
    writeFileSync(join(repo.dir, 'src/untracked.ts'), MUTATION);
    const { stdout } = await runCli(repo.dir, 'scan', '--format', 'json');
    const report = JSON.parse(stdout) as { summary: { scanned: number }; files: { path: string }[] };
    expect(report.files.map((file) => file.path)).toEqual(['src/app.ts', 'src/untracked.ts']);
    expect(report.summary.scanned).toBe(2);
  });

  it('--shard splits the files without overlap', async () => {
    repo = repoWith(Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`src/f${i}.ts`, MUTATION])));
    const paths = async (shard: string) =>
      (JSON.parse((await runCli(repo.dir, 'scan', '--format', 'json', '--shard', shard)).stdout) as { files: { path: string }[] }).files.map((f) => f.path);
    const one = await paths('1/2');
    const two = await paths('2/2');
    expect(one.length + two.length).toBe(6);
    expect(one.filter((path) => two.includes(path))).toEqual([]);
    expect((await runCli(repo.dir, 'scan', '--shard', '3/2')).code).toBe(2);
  });

  it('--suggestions applies the chosen rule suggestions', async () => {
    const code = [
      "import express from 'express';",
      'const app = express();',
      "app.get('/me', (req, res) => {",
      "  res.set('Cache-Control', 'public, max-age=60');",
      '  res.json(req.user);',
      '});',
      '',
    ].join('\n');
    repo = repoWith({ 'src/me.ts': code });
    expect((await runCli(repo.dir, 'fix')).code).toBe(0);
    expect(readFileSync(join(repo.dir, 'src/me.ts'), 'utf8')).toBe(code);
    expect((await runCli(repo.dir, 'fix', '--suggestions', 'no-public-cache-on-private-data')).code).toBe(0);
    expect(readFileSync(join(repo.dir, 'src/me.ts'), 'utf8')).toBe(code.replace('public, max-age=60', 'private, max-age=60'));
    expect((await runCli(repo.dir, 'fix', '--suggestions', 'not-a-rule')).code).toBe(2);
  });

  it('honours eslint-disable comments like ESLint does', async () => {
    repo = repoWith({ 'src/app.ts': `/* eslint-disable cache/require-no-store-on-mutation */\n${MUTATION}` });
    const { stdout } = await runCli(repo.dir, 'scan', '--format', 'json');
    const report = JSON.parse(stdout) as { files: { findings: { ruleId: string }[] }[] };
    expect(report.files[0]!.findings.map((f) => f.ruleId)).not.toContain('cache/require-no-store-on-mutation');
  });

  it('finds what one file cannot show: stale writes across modules and key collisions', async () => {
    repo = tempRepo(join(fixtures, 'cross-file', 'input'));
    const { stdout } = await runCli(repo.dir, 'scan', '--format', 'json', '--fail-on', 'none');
    const report = JSON.parse(stdout) as { files: { path: string; findings: { ruleId: string; line: number; message: string }[] }[] };
    const cross = report.files.flatMap((file) => file.findings.filter((f) => f.ruleId.startsWith('cache-codemod/')).map((f) => `${file.path}:${f.line} ${f.ruleId}`));
    expect(cross).toEqual(['src/admin/users.ts:5 cache-codemod/stale-cross-module-write', 'src/users/cache.ts:10 cache-codemod/cache-key-collision']);
    const stale = report.files.find((file) => file.path === 'src/admin/users.ts')!.findings[0]!;
    expect(stale.message).toMatch(/caches under `user:\$\{id\}`,/);
    expect(stale.message).toMatch(/src\/(users\/cache|profile\/service)\.ts:\d+/);
  });

  it('a Map created per call is no cache that a write in another module leaves stale', async () => {
    const reader = (level: 'module' | 'function') =>
      [
        "import { prisma } from './db';",
        ...(level === 'module' ? ['const seen = new Map<string, unknown>();'] : []),
        'export async function profiles(ids: string[]) {',
        ...(level === 'function' ? ['  const seen = new Map<string, unknown>();'] : []),
        '  const out = [];',
        '  for (const id of ids) {',
        '    let user = seen.get(`user:${id}`);',
        '    if (!user) {',
        '      user = await prisma.user.findUnique({ where: { id } });',
        '      seen.set(`user:${id}`, user);',
        '    }',
        '    out.push(user);',
        '  }',
        '  return out;',
        '}',
        '',
      ].join('\n');
    const writer = ["import { prisma } from './db';", 'export function rename(id: string, name: string) {', '  return prisma.user.update({ where: { id }, data: { name } });', '}', ''].join('\n');
    const stale = async (level: 'module' | 'function') => {
      repo = repoWith({ 'src/profiles.ts': reader(level), 'src/rename.ts': writer, 'src/db.ts': 'export const prisma: any = {};\n' });
      const { stdout } = await runCli(repo.dir, 'scan', '--format', 'json', '--fail-on', 'none');
      const report = JSON.parse(stdout) as { files: { path: string; findings: { ruleId: string }[] }[] };
      repo.cleanup();
      return report.files.flatMap((file) => file.findings.filter((f) => f.ruleId === 'cache-codemod/stale-cross-module-write').map(() => file.path));
    };
    expect(await stale('module')).toEqual(['src/rename.ts']);
    expect(await stale('function')).toEqual([]);
  });

  it('never writes outside git without --allow-dirty', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'no-git-'));
    writeFileSync(join(dir, 'app.ts'), MUTATION);
    const refused = await runCli(dir, 'fix');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('not inside a git work tree');
    expect(existsSync(join(dir, 'app.ts'))).toBe(true);
    expect(readFileSync(join(dir, 'app.ts'), 'utf8')).toBe(MUTATION);
  });
});

describe('cache-codemod-ignore', () => {
  it('silences a cross-file finding on the next line, and a rule finding too', async () => {
    const repo = tempRepo(join(fixtures, 'cross-file', 'input'));
    try {
      const path = join(repo.dir, 'src/admin/users.ts');
      writeFileSync(path, readFileSync(path, 'utf8').replace('  return prisma.user.update', '  // cache-codemod-ignore users are cached for 5 minutes on purpose\n  return prisma.user.update'));
      const routes = join(repo.dir, 'src/routes.ts');
      writeFileSync(routes, `${MUTATION.replace("app.post('/api/orders'", "// cache-codemod-ignore the gateway sets no-store\napp.post('/api/orders'")}`);
      const { stdout } = await runCli(repo.dir, 'scan', '--format', 'json', '--fail-on', 'none');
      const report = JSON.parse(stdout) as { files: { path: string; findings: { ruleId: string; line: number }[] }[] };
      const found = report.files.flatMap((file) => file.findings.map((f) => `${file.path}:${f.line} ${f.ruleId}`));
      expect(found).not.toContain('src/admin/users.ts:6 cache-codemod/stale-cross-module-write');
      expect(found.filter((f) => f.startsWith('src/admin/users.ts'))).toEqual([]);
      expect(found).not.toContain('src/routes.ts:6 cache/require-no-store-on-mutation');
      expect(found).toContain('src/routes.ts:13 cache/require-no-store-on-mutation');
    } finally {
      repo.cleanup();
    }
  });
});

describe('baseline mode', () => {
  it('records today, then fails only on new findings, even when old ones move', async () => {
    const repo = repoWith({ 'src/app.ts': MUTATION });
    try {
      const first = await runCli(repo.dir, 'scan', '--baseline', 'cache-baseline.json', '--fail-on', 'warning');
      expect(first.code).toBe(0);
      expect(first.stderr).toContain('recorded 4 findings in cache-baseline.json');
      const baseline = JSON.parse(readFileSync(join(repo.dir, 'cache-baseline.json'), 'utf8')) as { files: Record<string, Record<string, number>> };
      expect(Object.values(baseline.files['src/app.ts']!).reduce((a, b) => a + b, 0)).toBe(4);
      // Old findings shift down two lines: still known.
      writeFileSync(join(repo.dir, 'src/app.ts'), `// header\n// more\n${MUTATION}`);
      const shifted = await runCli(repo.dir, 'scan', '--baseline', 'cache-baseline.json', '--fail-on', 'warning');
      expect(shifted.code).toBe(0);
      expect(shifted.stderr).toContain('4 known findings in the baseline not shown.');
      // A new mutation handler is new.
      writeFileSync(join(repo.dir, 'src/app.ts'), `${MUTATION}\napp.patch('/api/orders/:id', async (req, res) => {\n  res.json(await patchOrder(req.body));\n});\ndeclare function patchOrder(body: unknown): Promise<unknown>;\n`);
      const added = await runCli(repo.dir, 'scan', '--baseline', 'cache-baseline.json', '--fail-on', 'warning', '--format', 'json');
      expect(added.code).toBe(1);
      const report = JSON.parse(added.stdout) as { files: { findings: { line: number; ruleId: string }[] }[] };
      expect(report.files.flatMap((file) => file.findings.map((f) => `${f.line} ${f.ruleId}`))).toEqual(['25 cache/require-no-store-on-mutation']);
      expect((await runCli(repo.dir, 'fix', '--baseline', 'x.json')).code).toBe(2);
    } finally {
      repo.cleanup();
    }
  });
});

describe('--type-aware', () => {
  it('parses against a ts-morph program per tsconfig and finds what the untyped run finds', async () => {
    const repo = repoWith({
      'packages/api/tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'esnext', moduleResolution: 'bundler', target: 'es2022' }, include: ['src'] }),
      'packages/api/src/app.ts': MUTATION,
      'packages/web/app.js': MUTATION,
    });
    try {
      const plain = JSON.parse((await runCli(repo.dir, 'scan', '--format', 'json')).stdout) as { summary: { findings: number; skipped: number } };
      const typed = JSON.parse((await runCli(repo.dir, 'scan', '--format', 'json', '--type-aware')).stdout) as { summary: { findings: number; skipped: number } };
      expect(typed.summary.findings).toBe(plain.summary.findings);
      expect(typed.summary.skipped).toBe(0);
      expect(plain.summary.findings).toBe(8);
      expect((await runCli(repo.dir, 'scan', '--project', 'tsconfig.json')).code).toBe(2);
    } finally {
      repo.cleanup();
    }
  });
});
