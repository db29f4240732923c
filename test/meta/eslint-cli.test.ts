import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const example = join(root, 'examples', 'shop');
// The ESLint 9 run of the suite checks ESLint 9's CLI.
const eslintBin = join(root, 'node_modules', process.env.ESLINT_MAJOR === '9' ? 'eslint-v9' : 'eslint', 'bin', 'eslint.js');

/** Runs the real ESLint CLI on the example with its eslint.config.js, returning the JSON results. */
function lint(...args: string[]): { ruleId: string; line: number; file: string }[] {
  const run = spawnSync(process.execPath, [eslintBin, '--format', 'json', '--config', join(example, 'eslint.config.js'), ...args, '.'], {
    cwd: example,
    encoding: 'utf8',
  });
  // ESLint may warn that a small file set gains little from threads; anything else is a failure.
  expect(run.stderr.replace(/\(node:\d+\) ESLintPoorConcurrencyWarning.*\n(\(Use `node --trace-warnings.*\n)?/g, '')).toBe('');
  expect(run.status, run.stderr).toBeLessThanOrEqual(1);
  const results = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string; line: number }[] }[];
  return results
    .flatMap((result) => result.messages.map((message) => ({ ruleId: message.ruleId, line: message.line, file: result.filePath.slice(example.length) })))
    .sort((a, b) => `${a.file}:${a.line}:${a.ruleId}`.localeCompare(`${b.file}:${b.line}:${b.ruleId}`));
}

// ESLint's own scale features must work with the plugin: nothing is shared between files, so a
// cached run and a multi-threaded run report exactly what a plain run reports.
describe('the plugin under the ESLint CLI', () => {
  it('gives the same findings with --cache (cold and warm) and --concurrency 2', () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'eslint-cache-'));
    try {
      const plain = lint();
      expect(plain.length).toBeGreaterThan(10);
      const cacheArgs = ['--cache', '--cache-location', join(cacheDir, '.eslintcache')];
      expect(lint(...cacheArgs)).toEqual(plain);
      expect(lint(...cacheArgs)).toEqual(plain);
      expect(lint('--concurrency', '2')).toEqual(plain);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});
