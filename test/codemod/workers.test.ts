import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { git, tempRepo } from './helpers.js';

const root = join(import.meta.dirname, '..', '..');
const cli = join(root, 'dist', 'src', 'codemod', 'cli.js');
const MUTATION = readFileSync(join(import.meta.dirname, '__fixtures__', 'fix', 'express-mutation.input.ts'), 'utf8');

describe('cache-codemod from the built bin', () => {
  it('is built (npm run build) with a node shebang', () => {
    expect(existsSync(cli)).toBe(true);
    expect(readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
  });

  it('gives the same report with two worker threads as with one, and prints plain progress lines off a terminal', () => {
    const repo = tempRepo();
    try {
      mkdirSync(join(repo.dir, 'src'));
      for (let i = 0; i < 120; i++) writeFileSync(join(repo.dir, 'src', `route${String(i).padStart(3, '0')}.ts`), i % 3 === 0 ? MUTATION : `export const value${i} = ${i};\n`);
      git(repo.dir, 'add', '-A');
      git(repo.dir, 'commit', '-qm', 'files');
      const run = (workers: string) => spawnSync(process.execPath, [cli, 'scan', '--format', 'json', '--workers', workers], { cwd: repo.dir, encoding: 'utf8' });
      const one = run('1');
      const two = run('2');
      expect(one.status).toBe(0);
      expect(two.status).toBe(0);
      const strip = (text: string) => {
        const report = JSON.parse(text) as { summary: Record<string, unknown> };
        delete report.summary.seconds;
        return report;
      };
      expect(strip(two.stdout)).toEqual(strip(one.stdout));
      expect((strip(one.stdout) as unknown as { summary: { scanned: number; findings: number } }).summary).toMatchObject({ scanned: 120, findings: 160 });
      expect(two.stderr).toMatch(/cache-codemod: 120\/120 files \(\d+ files\/s\)/);
    } finally {
      repo.cleanup();
    }
  });

  it('exits 2 with a message on a bad flag', () => {
    const result = spawnSync(process.execPath, [cli, 'scan', '--workers', 'many'], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--workers takes a whole number');
    expect(execFileSync(process.execPath, [cli, '--version'], { encoding: 'utf8' }).trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
