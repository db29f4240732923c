import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseJsonc, projectSpecifier } from '../../src/codemod/aliases.js';
import { git, runCli, tempRepo } from './helpers.js';

function writeTree(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

// Next.js's default: `@/*` for the project root, declared in a config that extends a shared base.
const TSCONFIG_BASE = lines(
  '{',
  '  // shared by every package',
  '  "compilerOptions": {',
  '    "baseUrl": ".",',
  '    "paths": {',
  '      "@/*": ["./src/*"], /* the app */',
  '      "~lib/*": ["./src/lib/*", "./vendor/lib/*"],',
  '      "@config": ["./src/config/index.ts"],',
  '    },',
  '  },',
  '}',
);
const TSCONFIG = lines('{', '  "extends": "./tsconfig.base.json",', '  "compilerOptions": { "strict": true, "homepage": "https://example.com/a//b" },', '}');

describe('projectSpecifier: tsconfig aliases to relative specifiers', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'cache-codemod-aliases-'));
    writeTree(root, {
      'tsconfig.base.json': TSCONFIG_BASE,
      'tsconfig.json': TSCONFIG,
      'src/components/OrderRow.tsx': 'export const OrderRow = () => null;\n',
      'src/components/orders/index.ts': "export * from './Row';\n",
      'src/lib/redis.ts': 'export const redis = {};\n',
      'vendor/lib/legacy.js': 'module.exports = {};\n',
      'src/config/index.ts': 'export const config = {};\n',
      'src/app/orders/page.tsx': 'export default function Page() { return null; }\n',
      'web/jsconfig.json': '{ "compilerOptions": { "baseUrl": "src" } }\n',
      'web/src/components/Button.jsx': 'export const Button = () => null;\n',
      'web/src/pages/index.jsx': 'export default () => null;\n',
    });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const from = (path: string, source: string) => projectSpecifier(source, join(root, path));

  it('keeps relative specifiers and maps `paths` patterns to the file they name', () => {
    expect(from('src/app/orders/page.tsx', './OrdersTable')).toBe('./OrdersTable');
    expect(from('src/app/orders/page.tsx', '@/components/OrderRow')).toBe('../../components/OrderRow');
    expect(from('src/app/orders/page.tsx', '@/components/orders')).toBe('../../components/orders');
    expect(from('src/app/orders/page.tsx', '@config')).toBe('../../config/index');
    // The second target of a pattern, when the first names no file.
    expect(from('src/app/orders/page.tsx', '~lib/legacy')).toBe('../../../vendor/lib/legacy');
    expect(from('src/components/OrderRow.tsx', '~lib/redis')).toBe('../lib/redis');
  });

  it('leaves packages and names of no project file out', () => {
    expect(from('src/app/orders/page.tsx', 'react')).toBeUndefined();
    expect(from('src/app/orders/page.tsx', '@mui/material')).toBeUndefined();
    expect(from('src/app/orders/page.tsx', '@/components/Missing')).toBeUndefined();
    expect(from('src/app/orders/page.tsx', 'node:fs')).toBeUndefined();
  });

  it('resolves `baseUrl` alone, from the nearest config (a jsconfig.json here)', () => {
    expect(from('web/src/pages/index.jsx', 'components/Button')).toBe('../components/Button');
    expect(from('web/src/pages/index.jsx', 'lodash')).toBeUndefined();
  });

  it('reads tsconfig JSON with comments, trailing commas and `//` inside strings', () => {
    expect(parseJsonc(TSCONFIG)).toEqual({ extends: './tsconfig.base.json', compilerOptions: { strict: true, homepage: 'https://example.com/a//b' } });
    expect(parseJsonc(TSCONFIG_BASE)).toMatchObject({ compilerOptions: { paths: { '@/*': ['./src/*'] } } });
  });
});

describe('cross-file checks through tsconfig aliases (scan)', () => {
  it('follows `@/` imports to a memoised child and to a shared Redis client; packages stay out', async () => {
    const repo = tempRepo();
    try {
      writeTree(repo.dir, {
        'tsconfig.json': lines('{', '  "compilerOptions": {', '    "jsx": "preserve",', '    "paths": { "@/*": ["./src/*"] }', '  }', '}'),
        'src/components/OrderRow.tsx': lines(
          "import { memo } from 'react';",
          '',
          'export const OrderRow = memo(function OrderRow({ id, onSelect }: { id: string; onSelect: (id: string) => void }) {',
          '  return <tr onClick={() => onSelect(id)}><td>{id}</td></tr>;',
          '});',
        ),
        'src/app/orders/OrdersTable.tsx': lines(
          "'use client';",
          "import { useState } from 'react';",
          "import { Button } from '@mui/material';",
          "import { OrderRow } from '@/components/OrderRow';",
          '',
          'export function OrdersTable({ ids }: { ids: string[] }) {',
          '  const [selected, setSelected] = useState<string | null>(null);',
          '  return (',
          '    <table>',
          '      <tbody>',
          '        {ids.map((id) => (',
          '          <OrderRow key={id} id={id} onSelect={(next) => setSelected(next)} />',
          '        ))}',
          '      </tbody>',
          '      <Button onClick={() => setSelected(null)}>{selected}</Button>',
          '    </table>',
          '  );',
          '}',
        ),
        'src/lib/redis.ts': lines("import Redis from 'ioredis';", '', 'export const redis = new Redis(process.env.REDIS_URL!);'),
        'src/lib/db.ts': lines('export declare const prisma: { user: { findUnique(args: unknown): Promise<unknown>; update(args: unknown): Promise<unknown> } };'),
        'src/users/cache.ts': lines(
          "import { redis } from '@/lib/redis';",
          "import { prisma } from '@/lib/db';",
          '',
          'export async function getUser(id: string) {',
          '  const cached = await redis.get(`user:${id}`);',
          '  if (cached) return JSON.parse(cached);',
          '  const user = await prisma.user.findUnique({ where: { id } });',
          "  await redis.set(`user:${id}`, JSON.stringify(user), 'EX', 300);",
          '  return user;',
          '}',
        ),
        'src/admin/users.ts': lines(
          "import { prisma } from '@/lib/db';",
          '',
          'export async function renameUser(id: string, name: string) {',
          '  return prisma.user.update({ where: { id }, data: { name } });',
          '}',
        ),
      });
      git(repo.dir, 'add', '-A');
      git(repo.dir, 'commit', '-qm', 'app');
      const { stdout } = await runCli(repo.dir, 'scan', '--format', 'json', '--fail-on', 'none');
      const report = JSON.parse(stdout) as { files: { path: string; findings: { ruleId: string; line: number; message: string }[] }[] };
      const crossFile = report.files.flatMap((file) =>
        file.findings.filter((f) => f.ruleId.startsWith('cache-codemod/')).map((f) => `${file.path}:${f.line} ${f.ruleId}`),
      );
      expect(crossFile).toEqual(['src/admin/users.ts:4 cache-codemod/stale-cross-module-write', 'src/app/orders/OrdersTable.tsx:12 cache-codemod/memo-defeated-by-prop']);
      const stale = report.files.find((file) => file.path === 'src/admin/users.ts')!.findings[0]!;
      expect(stale.message).toContain('src/users/cache.ts:5');
    } finally {
      repo.cleanup();
    }
  });
});
