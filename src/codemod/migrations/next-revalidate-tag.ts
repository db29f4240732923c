import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { propertyKey, resolveVariable, unwrap } from '../../core/ast.js';
import { getFileIndex } from '../../core/analysis/file-index.js';
import { isOrigin, originOf } from '../../core/analysis/origins.js';
import type { FileInput, TextEdit } from '../../core/model.js';
import type { Migration } from './types.js';

const PROFILES = new Set(['expire', 'max']);

/**
 * Next.js 16 deprecates `revalidateTag(tag)` with one argument. The behaviour-preserving form is
 * `revalidateTag(tag, { expire: 0 })` (stale content is never served); `--option profile=max`
 * chooses stale-while-revalidate instead, a policy change the user asks for by name. Also reports
 * `fetch` calls on the server whose caching changed in Next 15 (no longer cached by default).
 */
export const nextRevalidateTag: Migration = {
  name: 'next-revalidate-tag',
  description: "Next 16: revalidateTag(tag) → revalidateTag(tag, { expire: 0 }) (or 'max' with --option profile=max); reports fetches whose caching changed in 15",
  package: 'next',
  targetMajor: 16,
  ranges: () => ({ next: '^16.0.0' }),
  options: { profile: "'expire' (default: { expire: 0 }, the old behaviour) or 'max' (stale-while-revalidate)" },
  checkOptions(options) {
    if (options.profile !== undefined && !PROFILES.has(options.profile)) throw new Error(`next-revalidate-tag: --option profile must be expire or max, got "${options.profile}"`);
  },
  gate: (text) => text.includes('revalidateTag') || (text.includes('fetch(') && text.includes('next')),
  transform(file, options) {
    const profile = options.profile ?? 'expire';
    if (!PROFILES.has(profile)) throw new Error(`next-revalidate-tag: --option profile must be expire or max, got "${profile}"`);
    const index = getFileIndex(file);
    const edits: TextEdit[] = [];
    const reports: { node: TSESTree.Node; message: string }[] = [];
    const client = index.directives.some((d) => d.directive === 'use client' && d.parent?.type === AST_NODE_TYPES.Program);
    const segmentCachesFetch = segmentConfigCaches(file);
    for (const call of index.calls) {
      const callee = unwrap(call.callee);
      if (callee.type !== AST_NODE_TYPES.Identifier) continue;
      if (isOrigin(originOf(callee, file), 'next/cache', ['revalidateTag'], 'ref')) {
        if (call.arguments.length !== 1 || call.arguments[0]!.type === AST_NODE_TYPES.SpreadElement) continue;
        const argument = call.arguments[0]!;
        const q = file.text[file.text.search(/['"]/)] === '"' ? '"' : "'";
        edits.push({ range: [argument.range[1], argument.range[1]], text: profile === 'max' ? `, ${q}max${q}` : ', { expire: 0 }' });
        continue;
      }
      if (callee.name === 'fetch' && !client && segmentCachesFetch !== false && isGlobal(callee, file) && !hasCacheOption(call)) {
        reports.push({
          node: call,
          message: "this fetch sets no `cache` or `next.revalidate`: Next 14 cached it by default, Next 15 does not; add `cache: 'force-cache'` to keep 14's behaviour, or `cache: 'no-store'` to make 15's explicit",
        });
      }
    }
    // revalidateTag handed over as a value (tags.forEach(revalidateTag)) gets the caller's second argument as its profile.
    const marks: { node: TSESTree.Node; message: string }[] = [];
    for (const declaration of index.imports) {
      if (declaration.source.value !== 'next/cache') continue;
      for (const specifier of declaration.specifiers) {
        if (specifier.type !== AST_NODE_TYPES.ImportSpecifier || (specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value) !== 'revalidateTag') continue;
        for (const reference of resolveVariable(specifier.local, file.scopeManager)?.references ?? []) {
          const parent = reference.identifier.parent;
          if (reference.identifier === specifier.local || (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === reference.identifier)) continue;
          marks.push({ node: reference.identifier, message: 'revalidateTag passed as a value: Next 16 reads its second argument as the cache profile, so call it yourself, e.g. (tag) => revalidateTag(tag, { expire: 0 })' });
        }
      }
    }
    return { edits, marks, reports };
  },
};

function isGlobal(identifier: TSESTree.Identifier, file: FileInput): boolean {
  const variable = resolveVariable(identifier, file.scopeManager);
  return !variable || variable.defs.length === 0;
}

function hasCacheOption(call: TSESTree.CallExpression): boolean {
  const init = call.arguments[1];
  if (!init) return false;
  const object = unwrap(init);
  if (object.type !== AST_NODE_TYPES.ObjectExpression) return true; // built elsewhere: unknown, not reported
  return object.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement || (p.type === AST_NODE_TYPES.Property && (propertyKey(p) === 'cache' || propertyKey(p) === 'next')));
}

/** false when the segment config makes every fetch uncached anyway (`dynamic = 'force-dynamic'`, `revalidate = 0`, `fetchCache = 'force-no-store'`). */
function segmentConfigCaches(file: FileInput): boolean {
  for (const statement of file.ast.body) {
    if (statement.type !== AST_NODE_TYPES.ExportNamedDeclaration || statement.declaration?.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of statement.declaration.declarations) {
      if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) continue;
      const value = unwrap(declarator.init);
      const literal = value.type === AST_NODE_TYPES.Literal ? value.value : undefined;
      if (declarator.id.name === 'dynamic' && literal === 'force-dynamic') return false;
      if (declarator.id.name === 'revalidate' && literal === 0) return false;
      if (declarator.id.name === 'fetchCache' && (literal === 'force-no-store' || literal === 'default-no-store' || literal === 'only-no-store')) return false;
    }
  }
  return true;
}
