import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import { repoWith, runCli, tempRepo } from './helpers.js';

// The codemod reads the project's ESLint config as eslint does, and reports only its own
// rules' findings: on a repository with other plugins' disable comments and a project config,
// `cache-codemod scan` and `eslint` give the same cache findings and the same exit status.

const root = join(import.meta.dirname, '..', '..');
const pluginUrl = pathToFileURL(join(root, 'dist', 'src', 'index.js')).href;

interface Json {
  summary: { findings: number; skipped: number; config?: string };
  files: { path: string; error?: string; findings: { ruleId: string; line: number; column: number; severity: string }[] }[];
}

function projectWith(files: Record<string, string>) {
  const repo = repoWith({ ...files, '.gitignore': 'node_modules\n' });
  // The project's own dependencies (the parser its config imports), as after `npm ci`.
  symlinkSync(join(root, 'node_modules'), join(repo.dir, 'node_modules'));
  return repo;
}

/** What eslint itself reports for the cache rules with the project's config, and its exit status. */
async function eslintCacheFindings(dir: string): Promise<{ findings: string[]; status: number }> {
  const eslint = new ESLint({ cwd: dir });
  const results = await eslint.lintFiles(['.']);
  const findings = results.flatMap((result) =>
    result.messages
      .filter((message) => message.ruleId?.startsWith('cache/'))
      .map((message) => `${relative(dir, result.filePath)}:${message.line}:${message.column} ${message.ruleId} ${message.severity === 2 ? 'error' : 'warning'}`),
  );
  return { findings: findings.sort(), status: results.some((result) => result.errorCount > 0) ? 1 : 0 };
}

async function codemodFindings(dir: string, ...args: string[]): Promise<{ findings: string[]; status: number; report: Json; stderr: string }> {
  const { code, stdout, stderr } = await runCli(dir, 'scan', '--format', 'json', '--no-cross-file', ...args);
  const report = JSON.parse(stdout) as Json;
  const findings = report.files.flatMap((file) => file.findings.map((f) => `${file.path}:${f.line}:${f.column} ${f.ruleId} ${f.severity}`));
  return { findings: findings.sort(), status: code, report, stderr };
}

const ORDERS = `import express from 'express';
import { noStore } from './middleware';

const app = express();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
app.post('/api/orders', noStore, async (req: any, res) => {
  res.status(201).json(await createOrder(req.body));
});

/* eslint-disable-next-line no-console, import/no-unresolved */
app.delete('/api/orders/:id', async (req, res) => {
  res.json(await deleteOrder(req.params.id));
});

declare function createOrder(body: unknown): Promise<unknown>;
declare function deleteOrder(id: string): Promise<unknown>;
`;

const ME = `/* eslint-disable react-hooks/exhaustive-deps, unicorn/prefer-node-protocol */
import express from 'express';
const app = express();
app.get('/me', (req, res) => {
  res.set('Cache-Control', 'public, max-age=60');
  res.json(req.user);
});
`;

const LANG = `import express from 'express';
const app = express();
// eslint-disable-next-line @typescript-eslint/no-unused-vars
app.get('/home', (req, res) => {
  res.set('Cache-Control', 'public, max-age=60');
  res.send(req.headers['accept-language'] === 'de' ? 'Hallo' : 'Hello');
});
`;

// A strict rule's pattern: reported only when the config turns that rule on.
const STAMPEDE = `import Redis from 'ioredis';
const redis = new Redis();
export async function getProduct(id: string) {
  const hit = await redis.get(\`product:\${id}\`);
  if (hit) return JSON.parse(hit);
  const product = await fetch(\`https://api.example.com/products/\${id}\`).then((r) => r.json());
  await redis.set(\`product:\${id}\`, JSON.stringify(product), 'EX', 60);
  return product;
}
`;

const CONFIG = `import tsParser from '@typescript-eslint/parser';
import cache from ${JSON.stringify(pluginUrl)};

// Stand-ins for the project's other plugins, whose rules the disable comments name.
const stub = (...names) => ({ rules: Object.fromEntries(names.map((name) => [name, { meta: {}, create: () => ({}) }])) });

export default [
  { ignores: ['src/legacy/**'] },
  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
  {
    plugins: {
      '@typescript-eslint': stub('no-explicit-any', 'no-unused-vars'),
      'react-hooks': stub('exhaustive-deps'),
      unicorn: stub('prefer-node-protocol'),
      import: stub('no-unresolved'),
    },
  },
  cache.configs.recommended,
  {
    rules: {
      'cache/require-no-store-on-mutation': ['warn', { checkMissing: true, noStoreMiddleware: ['noStore'] }],
      'cache/require-vary': 'off',
    },
  },
];
`;

const FILES = {
  'eslint.config.js': CONFIG,
  'package.json': '{ "type": "module" }\n',
  'src/orders.ts': ORDERS,
  'src/middleware.ts': "export const noStore = (_req: unknown, res: { set(n: string, v: string): void }, next: () => void) => { res.set('Cache-Control', 'no-store'); next(); };\n",
  'src/me.ts': ME,
  'src/lang.ts': LANG,
  'src/products.ts': STAMPEDE,
  'src/legacy/old.ts': ME,
};

describe('cache-codemod scan with the project ESLint config', () => {
  let repo: ReturnType<typeof tempRepo> | undefined;
  afterEach(() => repo?.cleanup());

  it('reports the same cache findings and exit status as eslint, and nothing about other plugins', async () => {
    repo = projectWith(FILES);
    const eslint = await eslintCacheFindings(repo.dir);
    const codemod = await codemodFindings(repo.dir);
    expect(codemod.findings).toEqual(eslint.findings);
    expect(codemod.status).toBe(eslint.status);
    // The config's choices hold: options (noStore middleware), a rule turned off, ignores, no strict rules.
    expect(codemod.findings).toEqual([
      'src/me.ts:5:28 cache/no-public-cache-on-private-data error',
      'src/orders.ts:12:5 cache/require-no-store-on-mutation warning',
    ]);
    expect(codemod.status).toBe(1);
    expect(codemod.report.summary.config).toBe('eslint.config.js');
    expect(codemod.stderr).toContain('1 file not checked: eslint.config.js ignores or does not lint it.');
    expect(JSON.stringify(codemod.report)).not.toContain('was not found');
  });

  it('never counts, baselines or exports other plugins’ disable comments', async () => {
    repo = projectWith({ ...FILES, 'src/me.ts': "// eslint-disable-next-line react-hooks/exhaustive-deps\nexport const x = 1;\n" });
    const scan = await runCli(repo.dir, 'scan', '--fail-on', 'warning', '--rules', 'no-public-cache-on-private-data');
    expect(scan.code).toBe(0);
    expect(scan.stdout).toContain('0 findings');
    const sarif = JSON.parse((await runCli(repo.dir, 'scan', '--format', 'sarif', '--rules', 'no-public-cache-on-private-data')).stdout);
    expect(sarif.runs[0].results).toEqual([]);
    await runCli(repo.dir, 'scan', '--baseline', 'baseline.json', '--rules', 'no-public-cache-on-private-data');
    expect(JSON.parse(readFileSync(join(repo.dir, 'baseline.json'), 'utf8')).files).toEqual({});
    const fix = await runCli(repo.dir, 'fix', '--dry-run', '--rules', 'no-public-cache-on-private-data');
    expect(fix.stdout).toContain('0 findings need review');
  });

  it('falls back to the recommended config without one; --config and --rules override', async () => {
    repo = projectWith({ 'src/me.ts': ME, 'src/products.ts': STAMPEDE, 'src/lang.ts': LANG });
    const plain = await codemodFindings(repo.dir);
    // recommended: require-vary is on; prefer-stampede-protection (all only) is not.
    expect(plain.findings.map((f) => f.split(' ')[1])).toEqual(['cache/require-vary', 'cache/no-public-cache-on-private-data']);
    expect(plain.report.summary.config).toMatch(/recommended/);
    writeFileSync(
      join(repo.dir, 'all.config.mjs'),
      `import tsParser from '@typescript-eslint/parser';\nimport cache from ${JSON.stringify(pluginUrl)};\nexport default [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, cache.configs.all];\n`,
    );
    const strict = await codemodFindings(repo.dir, '--config', 'all.config.mjs');
    expect(strict.findings.some((f) => f.includes('cache/prefer-stampede-protection error'))).toBe(true);
    const only = await codemodFindings(repo.dir, '--rules', 'require-vary');
    expect(only.findings).toEqual(['src/lang.ts:5:28 cache/require-vary warning']);
    expect((await runCli(repo.dir, 'scan', '--config', 'missing.config.js')).stderr).toContain('--config missing.config.js does not exist');
  });

  it('README example (examples/shop): the codemod and eslint with its eslint.config.js agree', async () => {
    repo = tempRepo(join(root, 'examples', 'shop'));
    // The example imports the build of this repository by a relative path; point it at it from the copy.
    const config = join(repo.dir, 'eslint.config.js');
    writeFileSync(config, readFileSync(config, 'utf8').replace("'../../dist/src/index.js'", JSON.stringify(pluginUrl)));
    symlinkSync(join(root, 'node_modules'), join(repo.dir, 'node_modules'));
    const eslint = await eslintCacheFindings(repo.dir);
    const codemod = await codemodFindings(repo.dir, '--fail-on', 'error');
    expect(eslint.findings.length).toBeGreaterThan(5);
    expect(codemod.findings).toEqual(eslint.findings);
    expect(codemod.status).toBe(eslint.status);
  });

  it('lints a file with an eslint-env comment (ESLint 10 no longer supports it, but still lints)', async () => {
    repo = projectWith({ 'src/me.ts': `/* eslint-env node */\n${ME}` });
    const scan = await codemodFindings(repo.dir);
    expect(scan.report.summary.skipped).toBe(0);
    expect(scan.findings).toEqual(['src/me.ts:6:28 cache/no-public-cache-on-private-data error']);
    expect(scan.status).toBe(1);
  });
});

