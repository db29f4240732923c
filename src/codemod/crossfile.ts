import { dirname, resolve } from 'node:path';
import type { CodemodFinding } from './engine.js';
import type { FileFacts } from './facts.js';
import { memoFindings } from './crossfile-memo.js';

/** Ids of the findings only the codemod can make, because they need several files. */
export const CROSS_FILE_CHECKS = {
  'stale-cross-module-write': {
    description: 'A write to data whose reads another module caches, with no invalidation of that cache on the write path',
    doc: 'docs/codemods/stale-cross-module-write.md',
  },
  'cache-key-collision': {
    description: 'The same cache key or key prefix used for different data in different modules',
    doc: 'docs/codemods/cache-key-collision.md',
  },
  'memo-defeated-by-prop': {
    description: 'A prop that is new on every render (inline object, array, function or JSX) passed to a React.memo component defined in another module',
    doc: 'docs/codemods/memo-defeated-by-prop.md',
  },
  'memo-for-unmemoized-child': {
    description: 'A useCallback or useMemo whose result only goes to components from other modules that are not React.memo',
    doc: 'docs/codemods/memo-for-unmemoized-child.md',
  },
} as const;

/** A cross-file finding, in the file where it is reported. */
export interface CrossFileFinding {
  readonly file: string;
  readonly finding: CodemodFinding;
}

/** A key's source text as inline code: template literals already carry their backticks. */
function code(text: string): string {
  return text.startsWith('`') ? text : `\`${text}\``;
}

function finding(check: keyof typeof CROSS_FILE_CHECKS, message: string, line: number, column: number): CodemodFinding {
  return {
    ruleId: `cache-codemod/${check}`,
    messageId: check,
    message,
    severity: 'warning',
    line,
    column,
    endLine: line,
    endColumn: column,
    fixable: false,
    suggestions: [],
  };
}

const EXTENSIONS = ['', '.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '/index.ts', '/index.tsx', '/index.js'];

/** Resolves a relative import to one of the scanned files (extension and `.js`-for-`.ts` forms). */
function resolveImport(from: string, source: string, known: ReadonlySet<string>): string | undefined {
  const base = resolve(dirname(from), source);
  const candidates = [base, base.replace(/\.(m|c)?js$/, '.$1ts'), base.replace(/\.jsx$/, '.tsx')];
  for (const candidate of candidates) {
    for (const extension of EXTENSIONS) {
      if (known.has(candidate + extension)) return candidate + extension;
    }
  }
  return undefined;
}

/**
 * Writes in one module to an entity whose reads another module caches, without any
 * invalidation on the writing side; and one key prefix caching different data in different
 * modules. Entities meet through key prefixes (`user:`), model and repository names
 * (`prisma.user`, `userRepository`) and imports between the two modules. Also the React memo
 * checks that need the child component's module (crossfile-memo.ts).
 */
export function crossFileFindings(facts: ReadonlyMap<string, FileFacts>, display: (file: string) => string): CrossFileFinding[] {
  const out: CrossFileFinding[] = [];
  const files = [...facts.keys()].sort();
  const known = new Set(files);

  // Uses of stores imported from other modules join the file's own once the export is proven a store.
  const entriesOf = new Map<string, FileFacts['cacheEntries'][number][]>();
  const invalidationsOf = new Map<string, FileFacts['invalidations'][number][]>();
  for (const file of files) {
    const fileFacts = facts.get(file)!;
    const entries = [...fileFacts.cacheEntries];
    const invalidations = [...fileFacts.invalidations];
    for (const use of fileFacts.importedStoreUses ?? []) {
      const target = resolveImport(file, use.importSource, known);
      if (!target || !facts.get(target)?.exportedStores.includes(use.importName)) continue;
      if (use.access === 'evict') {
        invalidations.push({ line: use.line, column: use.column, keyPrefix: use.keyPrefix, entity: use.entity });
      } else {
        entries.push({ ...use, access: use.access, store: 'imported' });
      }
    }
    entriesOf.set(file, entries);
    invalidationsOf.set(file, invalidations);
  }

  // Who caches which entity, and who invalidates it.
  const cachedBy = new Map<string, { file: string; keyText: string; line: number }[]>();
  const invalidatedIn = new Map<string, Set<string>>();
  for (const file of files) {
    for (const entry of entriesOf.get(file)!) {
      if (!entry.entity) continue;
      const list = cachedBy.get(entry.entity) ?? [];
      if (!list.some((item) => item.file === file)) list.push({ file, keyText: entry.keyText, line: entry.line });
      cachedBy.set(entry.entity, list);
    }
    for (const invalidation of invalidationsOf.get(file)!) {
      if (!invalidation.entity) continue;
      const set = invalidatedIn.get(invalidation.entity) ?? new Set();
      set.add(file);
      invalidatedIn.set(invalidation.entity, set);
    }
  }

  for (const file of files) {
    const fileFacts = facts.get(file)!;
    const importsInvalidator = (cacheFile: string): boolean =>
      fileFacts.invalidationCalls.some((call) => call.source !== undefined && resolveImport(file, call.source, known) === cacheFile);
    const reported = new Set<string>();
    for (const write of fileFacts.dataWrites) {
      if (reported.has(write.entity)) continue;
      const readers = (cachedBy.get(write.entity) ?? []).filter((reader) => reader.file !== file);
      if (readers.length === 0) continue;
      if (invalidatedIn.get(write.entity)?.has(file)) continue;
      // A call to an invalidation helper of the caching module counts, as does any local invalidation call.
      if (readers.some((reader) => importsInvalidator(reader.file))) continue;
      if (fileFacts.invalidationCalls.some((call) => call.source === undefined && new RegExp(write.entity, 'i').test(call.name))) continue;
      const reader = readers[0]!;
      reported.add(write.entity);
      out.push({
        file,
        finding: finding(
          'stale-cross-module-write',
          `\`${write.call}\` changes ${write.entity} data that ${display(reader.file)}:${reader.line} caches under ${code(reader.keyText)}, and nothing on this write path invalidates it, so readers keep getting the old value until the entry expires.`,
          write.line,
          write.column,
        ),
      });
    }
  }

  // Key collisions: one static key or prefix, different data sources, different modules.
  const byPrefix = new Map<string, { file: string; source: string; line: number; column: number; keyText: string }[]>();
  for (const file of files) {
    for (const entry of entriesOf.get(file)!) {
      if (entry.access !== 'write' || !entry.source || entry.keyPrefix.length < 3) continue;
      const list = byPrefix.get(entry.keyPrefix) ?? [];
      list.push({ file, source: entry.source, line: entry.line, column: entry.column, keyText: entry.keyText });
      byPrefix.set(entry.keyPrefix, list);
    }
  }
  for (const [prefix, entries] of byPrefix) {
    const first = entries[0]!;
    for (const entry of entries.slice(1)) {
      if (entry.file === first.file || entry.source === first.source) continue;
      out.push({
        file: entry.file,
        finding: finding(
          'cache-key-collision',
          `Cache key prefix \`${prefix}\` here holds the result of \`${entry.source}\`, but ${display(first.file)}:${first.line} stores \`${first.source}\` under the same prefix, so each module can read the other's data.`,
          entry.line,
          entry.column,
        ),
      });
    }
  }

  // React.memo across modules: what `<OrderRow>` is only its own module can say.
  const resolveKnown = (from: string, source: string): string | undefined => resolveImport(from, source, known);
  for (const memo of memoFindings(facts, resolveKnown, display)) {
    out.push({ file: memo.file, finding: finding(memo.check, memo.message, memo.line, memo.column) });
  }
  return out;
}
