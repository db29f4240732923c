#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Io } from './command.js';

export type { Io };
import { UsageError } from './errors.js';

/**
 * The codemod parses with TypeScript (through @typescript-eslint/parser) and, for
 * `--type-aware`, builds programs with ts-morph. They are optional peer dependencies, so a
 * plain-JavaScript project using only the ESLint rules never installs them; this says what to
 * install instead of failing on an import deep inside.
 */
function missingPackages(argv: readonly string[]): string[] {
  const [command] = argv;
  if (command !== 'scan' && command !== 'fix' && command !== 'migrate') return [];
  if (argv.includes('--help') || argv.includes('-h')) return [];
  const needed = ['typescript', '@typescript-eslint/parser', ...(argv.includes('--type-aware') ? ['ts-morph'] : [])];
  const require = createRequire(import.meta.url);
  return needed.filter((name) => {
    try {
      require.resolve(name);
      return false;
    } catch {
      return true;
    }
  });
}

/** Runs the CLI; returns the exit code (tests call this directly). */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  try {
    const missing = missingPackages(argv);
    if (missing.length > 0) {
      throw new UsageError(`cache-codemod needs ${missing.join(' and ')}, which are optional for the ESLint plugin alone. Install them with:\n  npm install --save-dev ${missing.join(' ')}`);
    }
    const { run } = await import('./command.js');
    return await run(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`cache-codemod: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

/** True when this module is the program being run (through the bin link or directly), not imported by tests. */
function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

/**
 * Fault injection for the tests (test/codemod/trust.test.ts), which must interrupt a real
 * process at a known moment: with this variable set, each write stops after its temporary file
 * is complete and before the rename, and says so on stderr.
 */
function testHooks(): Io['hooks'] {
  if (process.env.CACHE_CODEMOD_TEST_PAUSE_BEFORE_RENAME !== '1') return undefined;
  return {
    beforeReplace: (_file, temp) =>
      new Promise<void>(() => {
        process.stderr.write(`cache-codemod-test: paused before renaming ${temp}\n`);
        setInterval(() => {}, 1000);
      }),
  };
}

if (isEntryPoint()) {
  const hooks = testHooks();
  main(process.argv.slice(2), { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, env: process.env, ...(hooks ? { hooks } : {}) }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`cache-codemod: internal error: ${(error as Error).stack ?? String(error)}\nPlease report it with the command you ran.\n`);
      process.exitCode = 2;
    },
  );
}
