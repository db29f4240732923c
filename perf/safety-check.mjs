// Crash and fix safety of every rule on one file, with ESLint's Linter: the check behind
// `npm run safety` (perf/safety.mjs, the whole benchmark corpus) and
// test/meta/corpus-safety.test.ts (a committed slice, in the test suite).
//
// For each file, with every rule of the plugin on at once:
//   1. no rule throws (a throw is pinned to its rule by re-running the rules one at a time);
//   2. every suggestion's output still parses;
//   3. one pass of fixes (applied as ESLint applies them: sorted by range, overlapping ones left
//      for a later pass) gives code that still parses, and a second pass changes nothing: the
//      fixed code has no fix left, unless the first pass had to leave overlapping fixes out;
//   4. ESLint's own fix loop (verifyAndFix, up to 10 passes) converges and its output parses.
// JavaScript files are checked twice: with @typescript-eslint/parser (what the benchmark uses)
// and with ESLint's default parser (espree), as a JS project would lint them.
// A file that does not parse before any fix is not a rule problem: it is counted, not reported.

import { Linter } from 'eslint';

const BOM = '\uFEFF';
const JS_FILE = /\.[cm]?jsx?$/;
const FILES = ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'];

/** Files the check reads. */
export const SOURCE_FILE = /\.(?:[cm]?[jt]sx?)$/;

/**
 * A checker bound to one plugin. `plugin` is the plugin object (default export); `tsParser` the
 * @typescript-eslint/parser module. Returns `check(filename, text)`.
 */
export function createSafetyChecker({ plugin, tsParser, rules = Object.keys(plugin.rules) }) {
  const linter = new Linter({ configType: 'flat' });
  const ruleIds = rules.map((name) => `cache/${name}`);
  const configs = new Map();

  /** Flat config for a parser setup and a rule list (memoised). */
  function configFor(setup, ids) {
    const key = `${setup.key}|${ids.join(',')}`;
    let config = configs.get(key);
    if (!config) {
      config = [
        {
          files: FILES,
          languageOptions: setup.languageOptions,
          // Inline `eslint-disable` and rule comments are ignored: every rule runs on every line
          // (more code checked), and no foreign rule named in a comment shows up.
          linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
          plugins: { cache: plugin },
          rules: Object.fromEntries(ids.map((id) => [id, 'error'])),
        },
      ];
      configs.set(key, config);
    }
    return config;
  }

  /** The parser setups a file is checked under. */
  function setupsFor(filename, text) {
    const ts = { key: 'ts', parser: '@typescript-eslint/parser', languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } } };
    if (!JS_FILE.test(filename)) return [ts];
    const sourceType = filename.endsWith('.mjs') ? 'module' : filename.endsWith('.cjs') ? 'commonjs' : looksLikeModule(text) ? 'module' : 'commonjs';
    const espree = {
      key: `espree-${sourceType}`,
      parser: `espree (${sourceType})`,
      languageOptions: { ecmaVersion: 'latest', sourceType, parserOptions: { ecmaFeatures: { jsx: true } } },
    };
    return [ts, espree];
  }

  function parses(setup, filename, text) {
    const messages = linter.verify(text, configFor(setup, []), { filename });
    const fatal = messages.find((m) => m.fatal);
    return fatal ? `${fatal.line}:${fatal.column} ${fatal.message}` : null;
  }

  /** verify, turning a thrown error into { error, ruleId }. */
  function verify(setup, filename, text, ids) {
    try {
      return { messages: linter.verify(text, configFor(setup, ids), { filename }) };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const ruleId = /\nRule: "([^"]+)"/.exec(message)?.[1] ?? err?.ruleId ?? null;
      return { error: message, stack: err instanceof Error ? err.stack : undefined, ruleId };
    }
  }

  /** Which single rules throw on this text (when the all-rules run threw). */
  function throwingRules(setup, filename, text) {
    const out = [];
    for (const id of ruleIds) {
      const r = verify(setup, filename, text, [id]);
      if (r.error) out.push({ ruleId: id, error: r.error, stack: r.stack });
    }
    return out;
  }

  /** The rules whose fixes, applied alone in one pass, break parsing or are not idempotent. */
  function blameFix(setup, filename, text, messages, kind) {
    const byRule = new Map();
    for (const m of messages) if (m.fix && m.ruleId) byRule.set(m.ruleId, [...(byRule.get(m.ruleId) ?? []), m]);
    const blamed = [];
    for (const [ruleId, own] of byRule) {
      const pass = applyFixes(text, own);
      if (kind === 'parse' && parses(setup, filename, pass.output)) blamed.push(ruleId);
      if (kind === 'idempotent' && pass.skipped === 0) {
        const again = verify(setup, filename, pass.output, [ruleId]);
        if (again.messages?.some((m) => m.fix)) blamed.push(ruleId);
      }
    }
    return blamed;
  }

  /**
   * Checks one file. Returns { parsers, unparsable, messages, fixes, suggestions, problems }:
   * counts, and a list of problems ({ kind, ruleId, parser, line, column, message, snippet }).
   */
  function check(filename, text) {
    const result = { parsers: [], unparsable: 0, messages: 0, messagesByRule: {}, fixes: 0, fixedFiles: 0, suggestions: 0, problems: [] };
    const setups = setupsFor(filename, text);
    for (const setup of setups) {
      result.parsers.push(setup.parser);
      const problem = (p) => result.problems.push({ file: filename, parser: setup.parser, ...p });
      const bare = text.startsWith(BOM) ? text.slice(1) : text;

      if (parses(setup, filename, text)) {
        result.unparsable++;
        continue;
      }

      // 1. No rule throws.
      const first = verify(setup, filename, text, ruleIds);
      if (first.error) {
        const culprits = throwingRules(setup, filename, text);
        if (culprits.length === 0) culprits.push({ ruleId: first.ruleId, error: first.error, stack: first.stack });
        for (const c of culprits) problem({ kind: 'throws', ruleId: c.ruleId, message: c.error, stack: c.stack, line: lineOf(c.error) });
        continue;
      }
      // Our rules' messages (noInlineConfig adds warnings without a rule for each inline comment).
      const messages = first.messages.filter((m) => !m.fatal && m.ruleId?.startsWith('cache/'));
      // Findings are counted once per file (under the first parser), checks run under each.
      if (setup === setups[0]) {
        result.messages += messages.length;
        for (const m of messages) result.messagesByRule[m.ruleId] = (result.messagesByRule[m.ruleId] ?? 0) + 1;
      }

      // 2. Every suggestion's output parses.
      for (const m of messages) {
        for (const s of m.suggestions ?? []) {
          result.suggestions++;
          const output = bare.slice(0, s.fix.range[0]) + s.fix.text + bare.slice(s.fix.range[1]);
          const error = parses(setup, filename, output);
          if (error) {
            problem({ kind: 'suggestion does not parse', ruleId: m.ruleId, messageId: s.messageId ?? null, desc: s.desc, line: m.line, column: m.column, message: error, snippet: snippet(bare, s.fix.range, s.fix.text) });
          }
        }
      }

      // 3. One pass of fixes parses; a second pass changes nothing.
      const fixable = messages.filter((m) => m.fix);
      if (fixable.length === 0) continue;
      result.fixes += fixable.length;
      result.fixedFiles++;
      const pass = applyFixes(text, fixable);
      const parseError = parses(setup, filename, pass.output);
      if (parseError) {
        const blamed = blameFix(setup, filename, text, fixable, 'parse');
        for (const ruleId of blamed.length ? blamed : [null]) {
          const m = fixable.find((x) => x.ruleId === ruleId) ?? fixable[0];
          problem({ kind: 'fixed file does not parse', ruleId, line: m.line, column: m.column, message: parseError, snippet: snippet(bare, m.fix.range, m.fix.text) });
        }
        continue;
      }
      const second = verify(setup, filename, pass.output, ruleIds);
      if (second.error) {
        const culprits = throwingRules(setup, filename, pass.output);
        for (const c of culprits.length ? culprits : [{ ruleId: second.ruleId, error: second.error }]) {
          problem({ kind: 'throws on fixed output', ruleId: c.ruleId, message: c.error, stack: c.stack, line: lineOf(c.error) });
        }
        continue;
      }
      const leftover = second.messages.filter((m) => m.fix && m.ruleId?.startsWith('cache/'));
      if (leftover.length > 0 && pass.skipped === 0) {
        const blamed = blameFix(setup, filename, text, fixable, 'idempotent');
        for (const m of leftover) {
          problem({
            kind: 'second fix pass changes the code',
            ruleId: m.ruleId,
            alsoBlamed: blamed.filter((id) => id !== m.ruleId),
            line: m.line,
            column: m.column,
            message: m.message,
            snippet: snippet(pass.output.startsWith(BOM) ? pass.output.slice(1) : pass.output, m.fix.range, m.fix.text),
          });
        }
        continue;
      }

      // 4. ESLint's own loop converges (matters when fixes overlapped in the first pass).
      if (pass.skipped > 0) {
        const looped = linter.verifyAndFix(text, configFor(setup, ruleIds), { filename });
        const error = parses(setup, filename, looped.output);
        const rest = error ? [] : (verify(setup, filename, looped.output, ruleIds).messages?.filter((m) => m.fix && m.ruleId?.startsWith('cache/')) ?? []);
        if (error) problem({ kind: 'fixed file does not parse (ESLint fix loop)', ruleId: null, message: error });
        for (const m of rest) problem({ kind: 'fixes do not converge in 10 passes', ruleId: m.ruleId, line: m.line, column: m.column, message: m.message });
      }
    }
    return result;
  }

  return { check, rules: ruleIds };
}

/** ESLint's fix application (SourceCodeFixer): by range, skipping fixes that touch an applied one. */
export function applyFixes(sourceText, messages) {
  const bom = sourceText.startsWith(BOM) ? BOM : '';
  const text = bom ? sourceText.slice(1) : sourceText;
  const fixes = messages.filter((m) => m.fix).sort((a, b) => a.fix.range[0] - b.fix.range[0] || a.fix.range[1] - b.fix.range[1]);
  let output = bom;
  let lastPos = Number.NEGATIVE_INFINITY;
  let applied = 0;
  let skipped = 0;
  for (const { fix } of fixes) {
    const [start, end] = fix.range;
    if (lastPos >= start || start > end) {
      skipped++;
      continue;
    }
    if ((start < 0 && end >= 0) || (start === 0 && fix.text.startsWith(BOM))) output = '';
    output += text.slice(Math.max(0, lastPos), Math.max(0, start)) + fix.text;
    lastPos = end;
    applied++;
  }
  output += text.slice(Math.max(0, lastPos));
  return { output, applied, skipped };
}

/** A file with a top-level import or export statement is an ES module. */
function looksLikeModule(text) {
  return /^\s*(?:import\s*[\w*{'"]|export\s+[\w*{]|export\s+default\b)/m.test(text);
}

function lineOf(message) {
  const m = /Occurred while linting [^\n]*:(\d+)/.exec(message ?? '');
  return m ? Number(m[1]) : null;
}

/** The lines around a change, before and after, for a report. */
function snippet(text, [start, end], replacement) {
  const from = text.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
  let to = text.indexOf('\n', end);
  if (to === -1) to = text.length;
  const before = text.slice(from, to);
  const after = text.slice(from, start) + replacement + text.slice(end, to);
  const cut = (s) => (s.length > 400 ? `${s.slice(0, 400)}…` : s);
  return { before: cut(before), after: cut(after) };
}
