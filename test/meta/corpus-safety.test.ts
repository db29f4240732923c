// The crash and fix-safety check of `npm run safety` (perf/safety.mjs, the whole benchmark corpus)
// on a committed slice, so it runs in every test run without fetching anything: the crash
// fixtures, the server-code fixtures (express, fastify, koa, NestJS, hono, node:http, Next.js),
// examples/ and the codemod fixtures. For each file, with every rule on: no rule throws, every
// suggestion's output parses, fixed code parses and a second fix pass changes nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import plugin from '../../src/index.js';
import { SOURCE_FILE, applyFixes, createSafetyChecker, type SafetyResult } from '../../perf/safety-check.mjs';

const root = join(import.meta.dirname, '..', '..');
const SLICE = ['test/fixtures/crash', 'test/fixtures/server', 'examples', 'test/codemod/__fixtures__'];

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name === '.next') continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile() && SOURCE_FILE.test(entry.name) && !/\.d\.[cm]?ts$/.test(entry.name)) out.push(full);
  }
  return out;
}

// Repository-relative names: the Linter resolves them against the cwd (the repository root), and
// rules that look at paths (Next.js route handlers) see `.../app/api/orders/route.ts`.
const files = SLICE.flatMap((dir) => walk(join(root, dir)))
  .map((file) => relative(root, file).split(sep).join('/'))
  .sort();
const checker = createSafetyChecker({ plugin, tsParser });
const results = new Map<string, SafetyResult>();
function resultFor(file: string): SafetyResult {
  let result = results.get(file);
  if (!result) {
    result = checker.check(file, readFileSync(join(root, file), 'utf8'));
    results.set(file, result);
  }
  return result;
}

it('the slice has about 30 files, server code among them', () => {
  expect(files.length).toBeGreaterThanOrEqual(30);
  expect(files.filter((f) => f.startsWith('test/fixtures/server/')).length).toBeGreaterThanOrEqual(7);
  expect(files.some((f) => /\.(c|m)?js$/.test(f))).toBe(true);
});

describe.each(files)('%s', (file) => {
  it('every rule: no throw; suggestions and fixed code parse; a second fix pass changes nothing', () => {
    const result = resultFor(file);
    expect(result.problems).toEqual([]);
    // Every file parses before any fix, under every parser it is checked with.
    expect(result.unparsable).toBe(0);
    if (/\.(c|m)?jsx?$/.test(file)) expect(result.parsers).toHaveLength(2);
  });
});

it('the slice exercises the rules, their fixes and their suggestions (the checks are not vacuous)', () => {
  const totals = files.map(resultFor);
  const byRule: Record<string, number> = {};
  for (const r of totals) for (const [id, n] of Object.entries(r.messagesByRule)) byRule[id] = (byRule[id] ?? 0) + n;
  expect(Object.keys(byRule).length).toBeGreaterThanOrEqual(8);
  expect(totals.reduce((n, r) => n + r.fixes, 0)).toBeGreaterThanOrEqual(10);
  expect(totals.reduce((n, r) => n + r.suggestions, 0)).toBeGreaterThanOrEqual(20);
});

describe('the checker itself', () => {
  type Context = TSESLint.RuleContext<'m', []>;
  const meta = { type: 'problem', fixable: 'code', hasSuggestions: true, schema: [], messages: { m: 'm' } } as const;
  const broken = {
    rules: {
      throws: {
        meta,
        create: () => ({
          Identifier(node: { name: string }) {
            if (node.name === 'boom') throw new Error('boom');
          },
        }),
      },
      'bad-fix': {
        meta,
        create: (context: Context) => ({
          Literal(node: never) {
            if ((node as { value: unknown }).value === 'break-me') context.report({ node, messageId: 'm', fix: (fixer) => fixer.replaceText(node, '(') });
          },
        }),
      },
      grows: {
        meta,
        create: (context: Context) => ({
          'Program:exit'(node: never) {
            context.report({ node, messageId: 'm', fix: (fixer) => fixer.insertTextAfter(node, '\n;') });
          },
        }),
      },
      'bad-suggestion': {
        meta,
        create: (context: Context) => ({
          Literal(node: never) {
            if ((node as { value: unknown }).value === 'suggest') {
              context.report({ node, messageId: 'm', suggest: [{ messageId: 'm', fix: (fixer) => fixer.replaceText(node, '{') }] });
            }
          },
        }),
      },
    },
  };
  const check = (rules: string[], text: string, filename = 'a.ts') => createSafetyChecker({ plugin: broken, tsParser, rules }).check(filename, text);

  it('pins a throw on its rule', () => {
    const [problem, ...rest] = check(['throws', 'grows'], 'const boom = 1;\n').problems;
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ kind: 'throws', ruleId: 'cache/throws', file: 'a.ts' });
    expect(problem!.message).toContain('boom');
  });

  it('reports a fix that breaks parsing, with the rule and a snippet', () => {
    const { problems } = check(['bad-fix'], "const a = 'break-me';\n");
    expect(problems).toMatchObject([{ kind: 'fixed file does not parse', ruleId: 'cache/bad-fix', line: 1, snippet: { before: "const a = 'break-me';", after: 'const a = (;' } }]);
  });

  it('reports a fix that a second pass applies again', () => {
    const { problems } = check(['grows'], 'export {};\n');
    expect(problems).toMatchObject([{ kind: 'second fix pass changes the code', ruleId: 'cache/grows' }]);
  });

  it('reports a suggestion whose output does not parse', () => {
    const { problems } = check(['bad-suggestion'], "const a = 'suggest';\n");
    expect(problems).toMatchObject([{ kind: 'suggestion does not parse', ruleId: 'cache/bad-suggestion', line: 1 }]);
  });

  it('checks JavaScript under both parsers: CommonJS with espree in script mode, ESM in module mode', () => {
    expect(check(['bad-suggestion'], "const x = require('x');\nmodule.exports = 'suggest';\n", 'a.js')).toMatchObject({
      parsers: ['@typescript-eslint/parser', 'espree (commonjs)'],
      problems: [{ parser: '@typescript-eslint/parser' }, { parser: 'espree (commonjs)' }],
    });
    expect(check(['bad-suggestion'], "import x from 'x';\nexport default x;\n", 'a.js').parsers).toEqual(['@typescript-eslint/parser', 'espree (module)']);
  });

  it('counts a file that does not parse before any fix, and reports no rule problem for it', () => {
    const result = check(['throws', 'grows'], 'const = ;\n', 'a.js');
    expect(result).toMatchObject({ unparsable: 2, messages: 0, problems: [] });
  });

  it('applies fixes as ESLint does: sorted by range, overlapping ones left for the next pass', () => {
    const fix = (range: [number, number], text: string) => ({ fix: { range, text } });
    expect(applyFixes('\uFEFFabcdef', [fix([4, 5], 'E'), fix([0, 1], 'A'), fix([0, 2], 'X')])).toEqual({ output: '\uFEFFAbcdEf', applied: 2, skipped: 1 });
  });
});
