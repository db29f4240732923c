import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { getFileIndex } from '../analysis/file-index.js';
import { originOf, type Origin } from '../analysis/origins.js';
import type { FileInput } from '../model.js';

/*
 * Which imports prove a React data-layer API, in one place for every React rule.
 *
 * Recognition goes through `originOf`, so aliases (`import { useMutation as useM }`), namespace
 * imports (`import * as RQ from '@tanstack/react-query'`), `require` and `const` re-bindings all
 * resolve; a local function that happens to be called `useMutation` does not.
 */

/** TanStack Query's framework adapters (v4/v5), the v3 package, and the core they re-export. */
export const TANSTACK_QUERY_SOURCES: readonly string[] = [
  '@tanstack/react-query',
  '@tanstack/vue-query',
  '@tanstack/solid-query',
  '@tanstack/svelte-query',
  '@tanstack/angular-query-experimental',
  '@tanstack/angular-query',
  '@tanstack/preact-query',
  '@tanstack/query-core',
  'react-query',
];

/** SWR's entry points: `useSWR`/`mutate`/`useSWRConfig` from `swr`, `useSWRMutation` from `swr/mutation`. */
export const SWR_SOURCES: readonly string[] = ['swr', 'swr/mutation', 'swr/infinite', 'swr/immutable'];

/** Next.js's cache API (`revalidatePath`, `revalidateTag`, `updateTag`, `refresh`, `unstable_cache`, `cacheTag`). */
export const NEXT_CACHE_SOURCE = 'next/cache';

/** Cheap text test: could the file use TanStack Query at all? */
export function mayUseTanStackQuery(text: string): boolean {
  return text.includes('@tanstack/') || text.includes('react-query');
}

/** Cheap text test: could the file use SWR at all? */
export function mayUseSwr(text: string): boolean {
  return text.includes('swr');
}

/**
 * The export a node names when it comes from one of `sources` (`useMutation` for
 * `import { useMutation } from '@tanstack/react-query'`, `RQ.useMutation`, an alias), or the
 * default export's name `default` (`import useSWR from 'swr'`). Undefined otherwise.
 */
export function exportFrom(node: TSESTree.Node, file: FileInput, sources: readonly string[]): { source: string; name: string; origin: Origin } | undefined {
  const origin = originOf(node, file);
  if (!origin || origin.via !== 'ref' || !sources.includes(origin.source)) return undefined;
  if (origin.path.length > 1) return undefined;
  return { source: origin.source, name: origin.path[0] ?? 'default', origin };
}

/**
 * The local names under which the file imports `names` from `sources` (`useMutation`, or its
 * alias in `import { useMutation as useM }`), plus the names of namespace and default imports
 * of those sources (for `RQ.useMutation`). A cheap pre-filter before `exportFrom` proves a call.
 */
export function importedLocals(file: FileInput, sources: readonly string[], names: ReadonlySet<string>): { readonly locals: ReadonlySet<string>; readonly namespaces: ReadonlySet<string> } {
  const locals = new Set<string>();
  const namespaces = new Set<string>();
  for (const declaration of getFileIndex(file).imports) {
    if (!sources.includes(declaration.source.value)) continue;
    for (const specifier of declaration.specifiers) {
      if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
        const imported = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
        if (names.has(imported)) locals.add(specifier.local.name);
      } else {
        namespaces.add(specifier.local.name);
      }
    }
  }
  return { locals, namespaces };
}

/** The TanStack Query export a callee names (`useMutation`, `useQueryClient`, `QueryClient`...), or undefined. */
export function tanstackExport(node: TSESTree.Node, file: FileInput): string | undefined {
  return exportFrom(node, file, TANSTACK_QUERY_SOURCES)?.name;
}

/**
 * The SWR export a callee names: `useSWR` (the default export of `swr`, `swr/immutable`),
 * `useSWRInfinite` (default of `swr/infinite`), `useSWRMutation` (default of `swr/mutation`),
 * or a named export (`mutate`, `useSWRConfig`).
 */
export function swrExport(node: TSESTree.Node, file: FileInput): string | undefined {
  const found = exportFrom(node, file, SWR_SOURCES);
  if (!found) return undefined;
  if (found.name !== 'default') return found.name;
  switch (found.source) {
    case 'swr/mutation':
      return 'useSWRMutation';
    case 'swr/infinite':
      return 'useSWRInfinite';
    default:
      return 'useSWR';
  }
}

/** The `next/cache` export a callee names (`revalidatePath`, `revalidateTag`, `updateTag`, `refresh`...), or undefined. */
export function nextCacheExport(node: TSESTree.Node, file: FileInput): string | undefined {
  return exportFrom(node, file, [NEXT_CACHE_SOURCE])?.name;
}
