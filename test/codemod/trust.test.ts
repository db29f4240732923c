import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type Io } from '../../src/codemod/cli.js';
import { captureStream, repoWith, runCli, tempRepo } from './helpers.js';

// Issue #17: cache-codemod must never damage a file, never write what it should not, and say
// clearly what it skipped. Each test here injects the fault it guards against.

const root = join(import.meta.dirname, '..', '..');
const cli = join(root, 'dist', 'src', 'codemod', 'cli.js');
const fixtures = join(import.meta.dirname, '__fixtures__', 'fix');
const MUTATION = readFileSync(join(fixtures, 'express-mutation.input.ts'), 'utf8');
const FIXED = readFileSync(join(fixtures, 'express-mutation.output.ts'), 'utf8');
const ONE_FINDING = "import express from 'express';\nconst app = express();\napp.get('/me', (req, res) => {\n  res.set('Cache-Control', 'public');\n  res.json(req.user);\n});\n";


async function runWithHooks(cwd: string, hooks: Io['hooks'], ...args: string[]) {
  const stdout = captureStream();
  const stderr = captureStream();
  const code = await main(args, { cwd, stdout, stderr, env: {}, ...(hooks ? { hooks } : {}) });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** Temporary files the codemod may leave beside sources. */
function temps(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.tmp') && !path.startsWith('.git'));
}

let repo: ReturnType<typeof tempRepo> | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

describe('fix --type-aware', () => {
  it('gives the same bytes as the untyped fix: each pass parses its own text (no spliced or repeated fixes)', async () => {
    const route = readFileSync(join(fixtures, 'next-route.input.ts'), 'utf8');
    repo = repoWith({
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'esnext', moduleResolution: 'bundler', target: 'es2022' } }),
      'app/api/orders/route.ts': route,
      'src/app.ts': MUTATION,
    });
    const fix = await runCli(repo.dir, 'fix', '--type-aware');
    expect(fix.code).toBe(0);
    expect(readFileSync(join(repo.dir, 'app/api/orders/route.ts'), 'utf8')).toBe(readFileSync(join(fixtures, 'next-route.output.ts'), 'utf8'));
    expect(readFileSync(join(repo.dir, 'src/app.ts'), 'utf8')).toBe(FIXED);
    expect((await runCli(repo.dir, 'fix', '--help')).stdout).toContain('--type-aware');
  }, 60_000);
});

describe('writes that must not happen', () => {
  it('keeps an edit made while fix runs: the bytes are checked again just before the rename', async () => {
    repo = repoWith({ 'src/app.ts': MUTATION, 'src/other.ts': MUTATION });
    const edited = `${MUTATION}// typed by a person while the codemod ran\n`;
    const fix = await runWithHooks(
      repo.dir,
      {
        beforeReplace(file) {
          if (file.endsWith('app.ts')) writeFileSync(file, edited);
        },
      },
      'fix',
    );
    expect(readFileSync(join(repo.dir, 'src/app.ts'), 'utf8')).toBe(edited);
    expect(readFileSync(join(repo.dir, 'src/other.ts'), 'utf8')).toBe(FIXED);
    expect(fix.stdout).toContain('not written: the file changed on disk while cache-codemod ran');
    expect(fix.stdout).toContain('1 not written');
    expect(fix.code).toBe(1);
    expect(temps(repo.dir)).toEqual([]);
  });

  it('reports a write that fails (a full disk, say) as not written, removes its temporary file, and goes on', async () => {
    repo = repoWith({ 'src/a.ts': MUTATION, 'src/b.ts': MUTATION });
    const fix = await runWithHooks(
      repo.dir,
      {
        beforeReplace(file) {
          if (file.endsWith('a.ts')) throw new Error('ENOSPC: no space left on device');
        },
      },
      'fix',
    );
    expect(fix.code).toBe(1);
    expect(fix.stdout).toMatch(/src\/a\.ts\n\s+skipped\s+not written: ENOSPC: no space left on device/);
    expect(readFileSync(join(repo.dir, 'src/a.ts'), 'utf8')).toBe(MUTATION);
    expect(readFileSync(join(repo.dir, 'src/b.ts'), 'utf8')).toBe(FIXED);
    expect(temps(repo.dir)).toEqual([]);
  });

  it('skips and reports a read-only file, whoever runs it', async () => {
    repo = repoWith({ 'src/locked.ts': MUTATION, 'src/app.ts': MUTATION });
    const locked = join(repo.dir, 'src/locked.ts');
    chmodSync(locked, 0o444);
    const fix = await runCli(repo.dir, 'fix');
    expect(readFileSync(locked, 'utf8')).toBe(MUTATION);
    expect(statSync(locked).mode & 0o777).toBe(0o444);
    expect(readFileSync(join(repo.dir, 'src/app.ts'), 'utf8')).toBe(FIXED);
    expect(fix.stdout).toMatch(/src\/locked\.ts\n\s+skipped\s+not written: the file is read-only/);
    expect(fix.code).toBe(1);
  });

  it.runIf(process.getuid?.() === 0)('keeps the owner, group and mode of another user’s file when run as root', async () => {
    repo = repoWith({ 'src/app.ts': MUTATION });
    const file = join(repo.dir, 'src/app.ts');
    chownSync(file, 1234, 1234);
    chmodSync(file, 0o640);
    const fix = await runCli(repo.dir, 'fix');
    expect(fix.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(FIXED);
    const stat = statSync(file);
    expect([stat.uid, stat.gid, stat.mode & 0o7777]).toEqual([1234, 1234, 0o640]);
  });

  it('leaves a Latin-1 file byte for byte as it is, and says why', async () => {
    const latin1 = Buffer.concat([Buffer.from('// Gr'), Buffer.from([0xfc]), Buffer.from(`\u00df: caf\u00e9 is written in Latin-1\n${MUTATION}`.replace(/[\u00df\u00e9]/g, 'e'))]);
    repo = repoWith({ 'src/latin1.ts': latin1 });
    const file = join(repo.dir, 'src/latin1.ts');
    const fix = await runCli(repo.dir, 'fix');
    expect(readFileSync(file).equals(latin1)).toBe(true);
    expect(fix.stdout).toContain('not UTF-8 text');
    expect(fix.stdout).toContain('1 skipped (1 not UTF-8)');
    expect(fix.code).toBe(0);
  });
});

describe('interrupted and concurrent runs', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s mid-write removes the temporary file, exits %i, and a second run meanwhile is refused by the lock', async (signal, expected) => {
    repo = repoWith({ 'src/app.ts': MUTATION });
    const child = spawn(process.execPath, [cli, 'fix', '--no-progress'], { cwd: repo.dir, env: { ...process.env, CACHE_CODEMOD_TEST_PAUSE_BEFORE_RENAME: '1' } });
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes('paused before renaming')) resolve();
      });
      child.on('exit', () => reject(new Error(`fix exited before writing:\n${stderr}`)));
    });
    expect(temps(repo.dir)).toHaveLength(1);
    const second = await runCli(repo.dir, 'fix');
    expect(second.code).toBe(2);
    expect(second.stderr).toContain(`another cache-codemod run (pid ${child.pid}`);
    child.kill(signal);
    expect(await exited).toBe(expected);
    expect(temps(repo.dir)).toEqual([]);
    expect(readFileSync(join(repo.dir, 'src/app.ts'), 'utf8')).toBe(MUTATION);
    // The lock went with the process.
    expect((await runCli(repo.dir, 'fix')).code).toBe(0);
  }, 60_000);

  it('replaces a stale lock left by a process that is gone', async () => {
    repo = repoWith({ 'src/app.ts': MUTATION });
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(join(repo.dir, '.git', 'cache-codemod.lock'), JSON.stringify({ pid: gone, host: (await import('node:os')).hostname(), started: '2026-01-01T00:00:00Z' }));
    const fix = await runCli(repo.dir, 'fix');
    expect(fix.code).toBe(0);
    expect(fix.stderr).toContain(`removed a stale lock left by pid ${gone}`);
    expect(existsSync(join(repo.dir, '.git', 'cache-codemod.lock'))).toBe(false);
  });
});

describe('baselines, reports and arguments are checked before the scan', () => {
  it('--update-baseline with --shard keeps the other shards’ entries', async () => {
    repo = repoWith(Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`src/f${i}.ts`, MUTATION])));
    await runCli(repo.dir, 'scan', '--baseline', 'baseline.json');
    const read = () => JSON.parse(readFileSync(join(repo!.dir, 'baseline.json'), 'utf8')) as { files: Record<string, unknown> };
    expect(Object.keys(read().files)).toEqual(['src/f0.ts', 'src/f1.ts', 'src/f2.ts', 'src/f3.ts']);
    // Shard 1 of 2 is src/f0.ts and src/f2.ts; f0's findings are fixed.
    writeFileSync(join(repo.dir, 'src/f0.ts'), 'export const fixed = true;\n');
    const update = await runCli(repo.dir, 'scan', '--baseline', 'baseline.json', '--update-baseline', '--shard', '1/2');
    expect(update.code).toBe(0);
    expect(Object.keys(read().files)).toEqual(['src/f1.ts', 'src/f2.ts', 'src/f3.ts']);
  });

  it('refuses a report or baseline in a missing folder, and a corrupt baseline, naming the file, before scanning', async () => {
    repo = repoWith({ 'src/app.ts': MUTATION });
    const output = await runCli(repo.dir, 'scan', '--format', 'sarif', '--output', 'reports/cache.sarif');
    expect(output.code).toBe(2);
    expect(output.stderr).toBe('cache-codemod: --output reports/cache.sarif: the folder reports does not exist\n');
    const baseline = await runCli(repo.dir, 'scan', '--baseline', 'ci/baseline.json');
    expect(baseline.code).toBe(2);
    expect(baseline.stderr).toContain('--baseline ci/baseline.json: the folder ci does not exist');
    writeFileSync(join(repo.dir, 'cache-baseline.json'), '{ "version": 1, "files": ');
    const corrupt = await runCli(repo.dir, 'scan', '--baseline', 'cache-baseline.json');
    expect(corrupt.code).toBe(2);
    expect(corrupt.stderr).toMatch(/^cache-codemod: baseline cache-baseline\.json cannot be read: /);
    expect(corrupt.stdout).toBe('');
    writeFileSync(join(repo.dir, 'cache-baseline.json'), '{ "version": 2 }');
    expect((await runCli(repo.dir, 'scan', '--baseline', 'cache-baseline.json')).stderr).toContain('baseline cache-baseline.json is not a cache-codemod baseline');
  });

  it('a missing path beside a valid one is an error; parseArgs errors read as usage errors', async () => {
    repo = repoWith({ 'src/app.ts': MUTATION });
    const missing = await runCli(repo.dir, 'scan', 'src', 'srcc');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file or directory: srcc');
    const unknown = await runCli(repo.dir, 'scan', '--frobnicate');
    expect(unknown.stderr).toBe("cache-codemod: unknown option --frobnicate for 'scan'. Run 'cache-codemod scan --help' for its options.\n");
    expect((await runCli(repo.dir, 'fix', '--format')).stderr).toContain("--format needs a value. Run 'cache-codemod fix --help'");
    expect((await runCli(repo.dir, 'scan', '--max-file-size', 'huge')).stderr).toContain('--max-file-size takes a size');
  });
});

describe('what is skipped, and said so', () => {
  it('unparsable files are skipped without failing, unless --fail-on-unparsable', async () => {
    repo = repoWith({ 'src/broken.ts': 'export const = ;\n', 'src/ok.ts': 'export const ok = 1;\n' });
    const plain = await runCli(repo.dir, 'scan');
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('1 skipped (1 unparsable)');
    expect(plain.stdout).toContain('files that do not parse do not fail the run (add --fail-on-unparsable to make them)');
    const strict = await runCli(repo.dir, 'scan', '--fail-on-unparsable');
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('1 file that does not parse fail');
  });

  it('skips files over --max-file-size (2 MB by default) without reading them', async () => {
    const big = `export const data = [\n${'  1,\n'.repeat(600_000)}];\n`;
    repo = repoWith({ 'src/data.ts': big, 'src/app.ts': MUTATION, 'src/medium.ts': `${MUTATION}${'// padding\n'.repeat(200)}` });
    const plain = JSON.parse((await runCli(repo.dir, 'scan', '--format', 'json')).stdout) as { summary: { skippedBy: Record<string, number> }; files: { path: string; error?: string }[] };
    expect(plain.summary.skippedBy).toEqual({ 'too-large': 1 });
    expect(plain.files.find((file) => file.path === 'src/data.ts')?.error).toMatch(/^too large: \d+ bytes/);
    const small = await runCli(repo.dir, 'scan', '--max-file-size', '1kb');
    expect(small.stdout).toContain('2 skipped (2 too large)');
  });

  it('never selects vendored or minified code, for scan, fix and migrate', async () => {
    const minified = `export function a(){${'var x=1;'.repeat(1000)}}\n`;
    repo = repoWith({
      'src/app.ts': MUTATION,
      '.yarn/releases/yarn-4.1.0.cjs': MUTATION,
      'vendor/express-shim.js': MUTATION,
      'public/app.min.js': MUTATION,
      'src/bundle.js': minified,
      'package.json': JSON.stringify({ dependencies: { 'lru-cache': '^6.0.0' } }),
    });
    const scan = JSON.parse((await runCli(repo.dir, 'scan', '--format', 'json')).stdout) as { summary: { scanned: number; skippedBy: Record<string, number> } };
    expect(scan.summary).toMatchObject({ scanned: 2, skippedBy: { generated: 1 } });
    const fix = JSON.parse((await runCli(repo.dir, 'fix', '--dry-run', '--format', 'json')).stdout) as { summary: { scanned: number } };
    expect(fix.summary.scanned).toBe(2);
    const migrate = JSON.parse((await runCli(repo.dir, 'migrate', 'lru-cache', '--dry-run', '--format', 'json')).stdout) as { summary: { scanned: number } };
    expect(migrate.summary.scanned).toBe(2);
  });
});

describe('reports people and tools can trust', () => {
  it('text: aligned severity column, "1 finding", and fix lists the files it wrote', async () => {
    repo = repoWith({ 'src/me.ts': ONE_FINDING });
    const scan = await runCli(repo.dir, 'scan');
    expect(scan.stdout).toContain('1 scanned, 1 finding, 0 skipped');
    repo.cleanup();
    repo = repoWith({ 'src/app.ts': MUTATION });
    const text = (await runCli(repo.dir, 'scan', '--rules', 'require-no-store-on-mutation,no-public-cache-on-private-data', '--fail-on', 'none')).stdout;
    writeFileSync(join(repo.dir, 'src/me.ts'), ONE_FINDING);
    const both = (await runCli(repo.dir, 'scan', '--fail-on', 'none')).stdout;
    const starts = [...`${text}\n${both}`.matchAll(/^ {2}\d+:\d+ +(?:error|warning) +/gm)].map((match) => match[0].length);
    expect(new Set(starts).size).toBe(1);
    expect(both).toMatch(/ error {4}`Cache-Control: public`/);
    const fix = await runCli(repo.dir, 'fix', '--allow-dirty');
    expect(fix.stderr).toContain('Wrote 1 file:\n  src/app.ts\n');
  });

  it('SARIF results carry partialFingerprints that survive lines moving', async () => {
    repo = repoWith({ 'src/app.ts': MUTATION });
    const prints = async () =>
      (JSON.parse((await runCli(repo!.dir, 'scan', '--format', 'sarif')).stdout) as { runs: { results: { partialFingerprints: Record<string, string> }[] }[] }).runs[0]!.results.map(
        (result) => result.partialFingerprints['cacheCodemodFindingHash/v1'],
      );
    const before = await prints();
    expect(before).toHaveLength(4);
    expect(new Set(before).size).toBe(4);
    writeFileSync(join(repo.dir, 'src/app.ts'), `// moved\n// down\n${MUTATION}`);
    expect((await prints()).sort()).toEqual([...before].sort());
  });

  it('list says which rules fix and which suggest, as the README table does (from rule metadata)', async () => {
    repo = tempRepo();
    const listed = JSON.parse((await runCli(repo.dir, 'list', '--format', 'json')).stdout) as { rules: { id: string; fixable: boolean; hasSuggestions: boolean; changes: string }[] };
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const rule of listed.rules) {
      const row = readme.split('\n').find((line) => line.startsWith(`| [${rule.id.slice(6)}]`))!;
      const cells = row.split('|').map((cell) => cell.trim());
      expect([rule.id, cells[4] === '🔧', cells[5] === '💡']).toEqual([rule.id, rule.fixable, rule.hasSuggestions]);
    }
    expect(listed.rules.find((rule) => rule.id === 'cache/valid-cache-control')?.changes).toBe('fix, suggestions (fix --suggestions)');
  });
});

describe('TypeScript and ts-morph are optional', () => {
  it('without them the codemod says what to install, instead of crashing on an import', () => {
    const dir = mkdtempSync(join(tmpdir(), 'no-typescript-'));
    try {
      cpSync(join(root, 'dist', 'src', 'codemod', 'cli.js'), join(dir, 'cli.js'));
      cpSync(join(root, 'dist', 'src', 'codemod', 'errors.js'), join(dir, 'errors.js'));
      writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
      const result = spawnSync(process.execPath, [join(dir, 'cli.js'), 'scan', '--type-aware'], { cwd: dir, encoding: 'utf8' });
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('cache-codemod needs typescript and @typescript-eslint/parser and ts-morph');
      expect(result.stderr).toContain('npm install --save-dev typescript @typescript-eslint/parser ts-morph');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
