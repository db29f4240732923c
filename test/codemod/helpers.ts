import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/codemod/cli.js';

/** A writable stream stand-in that keeps what is written. */
export function captureStream(isTTY = false): NodeJS.WriteStream & { text(): string } {
  let buffer = '';
  return {
    isTTY,
    write(chunk: string | Uint8Array) {
      buffer += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      return true;
    },
    text: () => buffer,
  } as unknown as NodeJS.WriteStream & { text(): string };
}

/** Runs the CLI in `cwd`, returning its exit code and output. */
export async function runCli(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = captureStream();
  const stderr = captureStream();
  const code = await main(args, { cwd, stdout, stderr, env: {} });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** A temporary git repository holding a copy of `source` (committed), removed by the returned function. */
export function tempRepo(source?: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'cache-codemod-'));
  if (source) cpSync(source, dir, { recursive: true });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  git('init', '-q');
  git('config', 'user.email', 'test@example.com');
  git('config', 'user.name', 'test');
  git('add', '-A');
  git('commit', '-q', '--allow-empty', '-m', 'fixture');
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs git in a directory. */
export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
}

/** A temporary git repository with these files committed. */
export function repoWith(files: Record<string, string | Buffer>): { dir: string; cleanup: () => void } {
  const repo = tempRepo();
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(repo.dir, path, '..'), { recursive: true });
    writeFileSync(join(repo.dir, path), content);
  }
  git(repo.dir, 'add', '-A');
  git(repo.dir, 'commit', '-q', '-m', 'files');
  return repo;
}
