import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS } from '../../src/codemod/migrations/index.js';
import { git, repoWith, runCli, type tempRepo } from './helpers.js';

const V6 = `import LRU from 'lru-cache';

export const sessions = new LRU<string, string>({ max: 100, maxAge: 60_000 });

export function forget(token: string): void {
  sessions.del(token);
}
`;
const V11 = `import { LRUCache as LRU } from 'lru-cache';

export const sessions = new LRU<string, string>({ max: 100, ttl: 60_000 });

export function forget(token: string): void {
  sessions.delete(token);
}
`;


const packageJson = (dependencies: Record<string, string>) => `${JSON.stringify({ name: 'app', private: true, dependencies }, null, 2)}\n`;

describe('cache-codemod migrate', () => {
  let repo: ReturnType<typeof tempRepo> | undefined;
  afterEach(() => {
    repo?.cleanup();
    repo = undefined;
  });

  it('lists every migration in --help and in list, text and JSON', async () => {
    repo = repoWith({ 'package.json': packageJson({}) });
    const help = await runCli(repo.dir, 'migrate', '--help');
    expect(help.code).toBe(0);
    const list = await runCli(repo.dir, 'list');
    const json = JSON.parse((await runCli(repo.dir, 'list', '--format', 'json')).stdout) as { migrations: { name: string; description: string }[] };
    for (const migration of MIGRATIONS.values()) {
      expect(help.stdout).toContain(migration.name);
      expect(list.stdout).toContain(`${migration.name}`);
      expect(json.migrations.find((m) => m.name === migration.name)?.description).toBe(migration.description);
    }
  });

  it('an unknown migration is a usage error (exit 2) that names the known ones', async () => {
    repo = repoWith({ 'package.json': packageJson({ 'lru-cache': '^6.0.0' }), 'src/a.ts': V6 });
    const result = await runCli(repo.dir, 'migrate', 'lru-cach');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown migration "lru-cach"');
    for (const name of MIGRATIONS.keys()) expect(result.stderr).toContain(name);
    expect(readFileSync(join(repo.dir, 'src/a.ts'), 'utf8')).toBe(V6);
  });

  it('no name prints the usage and exits 2', async () => {
    repo = repoWith({ 'package.json': packageJson({}) });
    const result = await runCli(repo.dir, 'migrate');
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('Usage: cache-codemod migrate <name>');
  });

  it('says there is nothing to do when no package.json declares the package, and writes nothing', async () => {
    repo = repoWith({ 'package.json': packageJson({ express: '^4.19.0' }), 'src/a.ts': V6 });
    const result = await runCli(repo.dir, 'migrate', 'lru-cache');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Nothing to do: no package.json above these files declares lru-cache');
    expect(readFileSync(join(repo.dir, 'src/a.ts'), 'utf8')).toBe(V6);
    // --force migrates anyway.
    const forced = await runCli(repo.dir, 'migrate', 'lru-cache', '--force', '--dry-run');
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('+import { LRUCache as LRU }');
  });

  it('says there is nothing to do when the declared package is not used in a way the migration changes', async () => {
    repo = repoWith({ 'package.json': packageJson({ 'lru-cache': '^6.0.0' }), 'src/a.ts': V11 });
    const result = await runCli(repo.dir, 'migrate', 'lru-cache');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Nothing to do: no code in these files uses the lru-cache API that lru-cache changes');
  });

  it('--check exits 1 without writing; the migration writes; a second --check exits 0', async () => {
    repo = repoWith({ 'package.json': packageJson({ 'lru-cache': '^6.0.0' }), 'src/a.ts': V6, 'src/b.ts': 'export const untouched = 1;\n' });
    const check = await runCli(repo.dir, 'migrate', 'lru-cache', '--check');
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('1 file would change');
    expect(check.stderr).toContain('cache-codemod: package.json: lru-cache ^6.0.0 declared: upgrade to ^11.0.0');
    expect(check.stderr).toContain('--update-package-json would write lru-cache ^6.0.0 -> ^11.0.0');
    expect(readFileSync(join(repo.dir, 'src/a.ts'), 'utf8')).toBe(V6);

    const write = await runCli(repo.dir, 'migrate', 'lru-cache');
    expect(write.code).toBe(0);
    expect(readFileSync(join(repo.dir, 'src/a.ts'), 'utf8')).toBe(V11);
    git(repo.dir, 'commit', '-qam', 'migrated');

    const again = await runCli(repo.dir, 'migrate', 'lru-cache', '--check');
    expect(again.code).toBe(0);
  });

  it('a file the first run only marks passes --check afterwards (a marked v4 TTL is not multiplied again)', async () => {
    const v4 = "const cacheManager = require('cache-manager');\nconst redisStore = require('cache-manager-redis-store');\n\nmodule.exports = cacheManager.caching({ store: redisStore, ttl: 120 });\n";
    repo = repoWith({ 'package.json': packageJson({ 'cache-manager': '^4.1.0' }), 'src/cache.js': v4 });
    const first = await runCli(repo.dir, 'migrate', 'cache-manager');
    expect(first.code).toBe(0);
    const marked = readFileSync(join(repo.dir, 'src/cache.js'), 'utf8');
    expect(marked).toContain('// cache-codemod-todo(cache-manager):');
    expect(marked).toContain('ttl: 120 }');
    git(repo.dir, 'commit', '-qam', 'marked');
    const check = await runCli(repo.dir, 'migrate', 'cache-manager', '--check');
    expect(check.code).toBe(0);
    expect(readFileSync(join(repo.dir, 'src/cache.js'), 'utf8')).toBe(marked);
  });

  it('--dry-run prints the diff with its markers and counts them as needing review', async () => {
    const unbounded = "const LRU = require('lru-cache');\nmodule.exports = new LRU({ maxAge: 1000 });\n";
    repo = repoWith({ 'package.json': packageJson({ 'lru-cache': '^6.0.0' }), 'src/cache.js': unbounded });
    const result = await runCli(repo.dir, 'migrate', 'lru-cache', '--dry-run', '--format', 'text');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("+const { LRUCache: LRU } = require('lru-cache');");
    expect(result.stdout).toContain('+// cache-codemod-todo(lru-cache): unbounded cache');
    expect(readFileSync(join(repo.dir, 'src/cache.js'), 'utf8')).toBe(unbounded);
    const json = JSON.parse((await runCli(repo.dir, 'migrate', 'lru-cache', '--dry-run', '--format', 'json')).stdout) as { summary: { needsReview: number; changed: number } };
    expect(json.summary).toMatchObject({ changed: 1, needsReview: 1 });
  });

  it('validates --option names and values as usage errors', async () => {
    repo = repoWith({ 'package.json': packageJson({ lodash: '^4.17.21', 'cache-manager': '^4.1.0', 'lru-cache': '^6.0.0' }), 'src/a.ts': V6 });
    const unknown = await runCli(repo.dir, 'migrate', 'lru-cache', '--option', 'max=5');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('migration lru-cache has no option "max" (options: from)');
    const none = await runCli(repo.dir, 'migrate', 'redis', '--option', 'from=3');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('migration redis has no option "from"');
    const shape = await runCli(repo.dir, 'migrate', 'lru-cache', '--option', 'from');
    expect(shape.code).toBe(2);
    expect(shape.stderr).toContain('--option takes name=value');
    for (const [name, option, message] of [
      ['lodash-memoize-bounded', 'max=lots', '--option max must be a positive integer, got "lots"'],
      ['lodash-memoize-bounded', 'max=0', '--option max must be a positive integer, got "0"'],
      ['cache-manager', 'to=8', '--option to must be 5, 6 or 7, got "8"'],
      ['cache-manager', 'from=four', '--option from must be a major version number, got "four"'],
      ['lru-cache', 'from=v6', '--option from must be a major version number, got "v6"'],
      ['next-revalidate-tag', 'profile=hours', '--option profile must be expire or max, got "hours"'],
    ] as const) {
      const result = await runCli(repo.dir, 'migrate', name, '--option', option, '--dry-run');
      expect(result.code, `${name} ${option}`).toBe(2);
      expect(result.stderr).toContain(message);
    }
    expect(readFileSync(join(repo.dir, 'src/a.ts'), 'utf8')).toBe(V6);
  });

  it('a valid option is passed to the migration', async () => {
    const source = "import memoize from 'lodash/memoize';\n\nexport const slug = memoize((title: string) => title.toLowerCase());\n";
    repo = repoWith({ 'package.json': packageJson({ lodash: '^4.17.21' }), 'src/slug.ts': source });
    const result = await runCli(repo.dir, 'migrate', 'lodash-memoize-bounded', '--option', 'max=250', '--allow-dirty');
    expect(result.code).toBe(0);
    expect(readFileSync(join(repo.dir, 'src/slug.ts'), 'utf8')).toBe(
      "import memoize from 'lodash/memoize';\nimport { LRUCache } from 'lru-cache';\n\nexport const slug = memoize((title: string) => title.toLowerCase());\nslug.cache = new LRUCache({ max: 250 });\n",
    );
  });

  it('a migration for several packages runs where any of them is declared (redis covers ioredis)', async () => {
    const source = "import Redis from 'ioredis';\n\nconst redis = new Redis();\n\nexport async function put(key: string, value: string): Promise<void> {\n  await redis.setex(key, 60, value);\n}\n";
    repo = repoWith({ 'package.json': packageJson({ ioredis: '^5.4.0' }), 'src/put.ts': source });
    const result = await runCli(repo.dir, 'migrate', 'redis', '--dry-run');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('ioredis ^5.4.0 declared: its code is migrated in place, no upgrade needed');
    expect(result.stderr).not.toContain('redis v4');
    expect(result.stderr).not.toContain('--update-package-json would write');
    expect(result.stdout).toContain("+  await redis.set(key, value, 'EX', 60);");
  });

  it('--update-package-json bumps the declared range in place, keeping indentation and the final newline', async () => {
    const original = `{\n    "name": "app",\n    "private": true,\n    "dependencies": {\n        "express": "^4.19.0",\n        "lru-cache": "^6.0.0"\n    }\n}\n`;
    repo = repoWith({ 'package.json': original, 'src/a.ts': V6 });
    const dry = await runCli(repo.dir, 'migrate', 'lru-cache', '--update-package-json', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('-        "lru-cache": "^6.0.0"');
    expect(dry.stdout).toContain('+        "lru-cache": "^11.0.0"');
    expect(readFileSync(join(repo.dir, 'package.json'), 'utf8')).toBe(original);
    const write = await runCli(repo.dir, 'migrate', 'lru-cache', '--update-package-json');
    expect(write.code).toBe(0);
    expect(write.stderr).toContain('package.json: lru-cache ^6.0.0 -> ^11.0.0');
    expect(readFileSync(join(repo.dir, 'package.json'), 'utf8')).toBe(original.replace('"^6.0.0"', '"^11.0.0"'));
    expect(readFileSync(join(repo.dir, 'src/a.ts'), 'utf8')).toBe(V11);
  });

  it('--update-package-json adds a package the migrated code now imports, in the file\'s own style', async () => {
    const original = '{\n\t"name": "app",\n\t"dependencies": {\n\t\t"express": "^4.19.0",\n\t\t"node-cache": "^5.1.2"\n\t}\n}';
    const source = "import NodeCache from 'node-cache';\n\nexport const cache = new NodeCache({ stdTTL: 60, maxKeys: 1000 });\n";
    repo = repoWith({ 'package.json': original, 'src/cache.ts': source });
    const result = await runCli(repo.dir, 'migrate', 'node-cache-to-lru-cache', '--update-package-json');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('lru-cache not declared: add ^11.0.0');
    expect(result.stderr).toContain('package.json: lru-cache added at ^11.0.0');
    expect(readFileSync(join(repo.dir, 'package.json'), 'utf8')).toBe('{\n\t"name": "app",\n\t"dependencies": {\n\t\t"express": "^4.19.0",\n\t\t"lru-cache": "^11.0.0",\n\t\t"node-cache": "^5.1.2"\n\t}\n}');
  });

  it('says to upgrade lru-cache (not to add it) when the migrated code needs v11 and v5 is declared', async () => {
    const source = "import memoize from 'lodash/memoize';\n\nexport const slug = memoize((title: string) => title.toLowerCase());\n";
    repo = repoWith({ 'package.json': packageJson({ lodash: '^4.17.21', 'lru-cache': '^5.1.1' }), 'src/slug.ts': source });
    const result = await runCli(repo.dir, 'migrate', 'lodash-memoize-bounded', '--option', 'max=100', '--dry-run');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('lru-cache ^5.1.1 declared: upgrade to ^11.0.0');
    expect(result.stdout).toContain('upgrade lru-cache ^5.1.1 -> ^11');
    expect(result.stdout).not.toContain('add lru-cache');
  });

  it('only the packages that declare the dependency are migrated in a monorepo', async () => {
    repo = repoWith({
      'package.json': packageJson({}),
      'packages/api/package.json': packageJson({ 'lru-cache': '^6.0.0' }),
      'packages/api/src/a.ts': V6,
      'packages/web/package.json': packageJson({ react: '^18.0.0' }),
      'packages/web/src/a.ts': V6,
    });
    const result = await runCli(repo.dir, 'migrate', 'lru-cache');
    expect(result.code).toBe(0);
    expect(readFileSync(join(repo.dir, 'packages/api/src/a.ts'), 'utf8')).toBe(V11);
    expect(readFileSync(join(repo.dir, 'packages/web/src/a.ts'), 'utf8')).toBe(V6);
  });

  it('refuses to write over uncommitted changes (exit 2) unless --allow-dirty', async () => {
    repo = repoWith({ 'package.json': packageJson({ 'lru-cache': '^6.0.0' }), 'src/a.ts': V6 });
    writeFileSync(join(repo.dir, 'src/a.ts'), `${V6}// local edit\n`);
    const refused = await runCli(repo.dir, 'migrate', 'lru-cache');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('refusing to write');
    const allowed = await runCli(repo.dir, 'migrate', 'lru-cache', '--allow-dirty');
    expect(allowed.code).toBe(0);
    expect(readFileSync(join(repo.dir, 'src/a.ts'), 'utf8')).toBe(`${V11}// local edit\n`);
  });
});
