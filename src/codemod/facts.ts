import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { Linter } from 'eslint';
import { ignoredLines } from '../eslint/adapter.js';
import { projectSpecifier } from './aliases.js';
import { calleeMember, memberName, resolveVariable, unwrap } from '../core/ast.js';
import { getFileIndex } from '../core/analysis/file-index.js';
import { originOf } from '../core/analysis/origins.js';
import type { FileInput, ScopeManagerLike } from '../core/model.js';
import { EVICT_METHODS, READ_METHODS, WRITE_METHODS } from '../core/stores/catalog.js';
import { getStoreAnalysis } from '../core/stores/analysis.js';
import { entityOf, keyPrefix } from '../core/data/entities.js';
import { extractReactFacts, type ReactFacts } from './react-facts.js';

/** A place in a file, 1-based line and column as ESLint reports them. */
export interface Place {
  readonly line: number;
  readonly column: number;
}

/** What one file tells the cross-file analyses; plain data, so workers can send it. */
export interface FileFacts {
  /** Relative module specifiers this file imports or requires. */
  readonly imports: readonly { readonly source: string; readonly names: readonly string[] }[];
  /** Cache reads and writes under a key: the key's static prefix, the entity it names, and what computes the value. */
  readonly cacheEntries: readonly (Place & {
    readonly access: 'read' | 'write';
    readonly keyPrefix: string;
    readonly keyText: string;
    readonly entity: string | undefined;
    readonly source: string | undefined;
    readonly store: string;
  })[];
  /** Key prefixes this file deletes, expires or overwrites (an invalidation). */
  readonly invalidations: readonly (Place & { readonly keyPrefix: string; readonly entity: string | undefined })[];
  /** Writes to data: ORM/repository calls that change an entity. */
  readonly dataWrites: readonly (Place & { readonly entity: string; readonly call: string })[];
  /** Names of functions this file calls that sound like cache invalidation (`invalidateUser`), and where they come from. */
  readonly invalidationCalls: readonly { readonly name: string; readonly source: string | undefined }[];
  /** Lines silenced by `// cache-codemod-ignore <reason>`. */
  readonly ignoredLines: readonly number[];
  /** Module-level stores this file exports by name (`export const redis = new Redis()`). */
  readonly exportedStores: readonly string[];
  /**
   * Cache reads, writes and invalidations through a binding imported from another module of the
   * project (`import { redis } from '../redis'`): whether it is a store is decided across files.
   */
  readonly importedStoreUses: readonly (Place & {
    readonly importSource: string;
    readonly importName: string;
    readonly access: 'read' | 'write' | 'evict';
    readonly keyPrefix: string;
    readonly keyText: string;
    readonly entity: string | undefined;
    readonly source: string | undefined;
  })[];
  /** Exported components and props passed to imported ones, for the cross-file memo checks; absent when the file has none. */
  readonly react?: ReactFacts;
}

const ORM_WRITES = new Set(['update', 'updateMany', 'upsert', 'delete', 'deleteMany', 'create', 'createMany', 'save', 'insert', 'remove', 'destroy', 'increment', 'decrement']);
const INVALIDATION_NAME = /invalidat|evict|bust|purge|revalidate|clearCache|expire|refresh.*Cache|forget/i;

// The entity normaliser and key-prefix reader live in the core, shared with `require-mutation-invalidation`.
export { entityOf, keyPrefix } from '../core/data/entities.js';

/** The call that computes a cached value: `await db.user.findUnique(...)` gives `db.user.findUnique`. */
function valueSource(node: TSESTree.Node | undefined, file: FileInput): string | undefined {
  if (!node) return undefined;
  let expression = unwrap(node);
  if (expression.type === AST_NODE_TYPES.CallExpression) {
    // JSON.stringify(value) and friends wrap the real source.
    const callee = unwrap(expression.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'JSON' && expression.arguments[0]) {
      expression = unwrap(expression.arguments[0]);
    }
  }
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const variable = resolveVariable(expression, file.scopeManager);
    const def = variable?.defs[0];
    if (def?.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init) expression = unwrap(def.node.init);
  }
  if (expression.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = unwrap(expression.callee);
  return file.text.slice(callee.range[0], callee.range[1]).replace(/\s+/g, '');
}

/** Extracts the facts of one parsed file. */
export function extractFacts(filename: string, sourceCode: ReturnType<Linter['getSourceCode']>): FileFacts {
  const file: FileInput = {
    text: sourceCode.text,
    ast: sourceCode.ast as unknown as TSESTree.Program,
    filename,
    scopeManager: sourceCode.scopeManager as unknown as ScopeManagerLike,
    visitorKeys: sourceCode.visitorKeys as Record<string, readonly string[]>,
  };
  const index = getFileIndex(file);
  const place = (node: TSESTree.Node): Place => ({ line: node.loc.start.line, column: node.loc.start.column + 1 });
  // Relative imports, and aliases (`@/lib/redis`) that the nearest tsconfig maps to a project file,
  // as the relative specifier of that file.
  const imports = index.imports.flatMap((declaration) => {
    const source = projectSpecifier(declaration.source.value, filename);
    return source === undefined ? [] : [{ source, names: declaration.specifiers.map((s) => s.local.name) }];
  });
  const localSources = new Map<string, string>();
  for (const entry of imports) for (const name of entry.names) localSources.set(name, entry.source);

  const cacheEntries: FileFacts['cacheEntries'][number][] = [];
  const invalidations: FileFacts['invalidations'][number][] = [];
  for (const store of getStoreAnalysis(file).stores) {
    // A Map created per call (a dedup table, an index built inside the function) holds nothing
    // past the call: no write elsewhere can leave it stale.
    if (store.level === 'function') continue;
    // A store this file only imports is judged across files (importedStoreUses).
    for (const use of store.uses) {
      const keyNode = use.args[0];
      if (!keyNode || !use.call) continue;
      const key = keyPrefix(keyNode, file);
      if (!key) continue;
      if (READ_METHODS.has(use.method) || WRITE_METHODS.has(use.method)) {
        const access = READ_METHODS.has(use.method) ? 'read' : 'write';
        const valueArg = use.method === 'setex' || use.method === 'setEx' ? use.args[2] : use.args[1];
        cacheEntries.push({
          ...place(use.call),
          access,
          keyPrefix: key.prefix,
          keyText: key.text,
          entity: entityOf(key.prefix),
          source: access === 'write' ? valueSource(valueArg, file) : undefined,
          store: store.library,
        });
      }
      if (EVICT_METHODS.has(use.method) || (WRITE_METHODS.has(use.method) && use.fn && !hasRead(store.uses, use.fn))) {
        invalidations.push({ ...place(use.call), keyPrefix: key.prefix, entity: entityOf(key.prefix) });
      }
    }
  }

  const stores = getStoreAnalysis(file).stores;
  const exportedStores = stores.flatMap((store) => (store.binding.kind === 'variable' && store.binding.exported && store.level === 'module' ? [store.binding.name] : []));
  const importedStoreUses: FileFacts['importedStoreUses'][number][] = [];
  for (const call of index.calls) {
    const member = calleeMember(call);
    const method = member ? memberName(member) : undefined;
    if (!member || !method || member.object.type !== AST_NODE_TYPES.Identifier || !call.arguments[0]) continue;
    const access = READ_METHODS.has(method) ? 'read' : WRITE_METHODS.has(method) ? 'write' : EVICT_METHODS.has(method) ? 'evict' : undefined;
    if (!access) continue;
    const origin = originOf(member.object, file);
    if (!origin || origin.via !== 'ref' || origin.path.length !== 1) continue;
    const importSource = projectSpecifier(origin.source, filename);
    if (importSource === undefined) continue;
    const key = keyPrefix(call.arguments[0], file);
    if (!key) continue;
    const valueArg = method === 'setex' || method === 'setEx' ? call.arguments[2] : call.arguments[1];
    importedStoreUses.push({
      ...place(call),
      importSource,
      importName: origin.path[0]!,
      access,
      keyPrefix: key.prefix,
      keyText: key.text,
      entity: entityOf(key.prefix),
      source: access === 'write' ? valueSource(valueArg, file) : undefined,
    });
  }

  const dataWrites: FileFacts['dataWrites'][number][] = [];
  const invalidationCalls: { name: string; source: string | undefined }[] = [];
  for (const call of index.calls) {
    const member = calleeMember(call);
    const callee = unwrap(call.callee);
    const name = member ? memberName(member) : callee.type === AST_NODE_TYPES.Identifier ? callee.name : undefined;
    if (!name) continue;
    if (INVALIDATION_NAME.test(name)) {
      const root = callee.type === AST_NODE_TYPES.Identifier ? callee.name : member && member.object.type === AST_NODE_TYPES.Identifier ? member.object.name : undefined;
      invalidationCalls.push({ name, source: root ? localSources.get(root) : undefined });
    }
    if (!member || !ORM_WRITES.has(name)) continue;
    // prisma.user.update(...), userRepository.save(...), User.update(...), db.update(users)
    const object = unwrap(member.object);
    let entity: string | undefined;
    if (object.type === AST_NODE_TYPES.MemberExpression) entity = entityOf(memberName(object) ?? '');
    else if (object.type === AST_NODE_TYPES.Identifier) {
      if (/repo|repository|model|dao/i.test(object.name) || /^[A-Z]/.test(object.name)) entity = entityOf(object.name);
      else if (object.name === 'db' && call.arguments[0]?.type === AST_NODE_TYPES.Identifier) entity = entityOf(call.arguments[0].name);
    }
    if (entity) dataWrites.push({ ...place(call), entity, call: file.text.slice(callee.range[0], callee.range[1]).replace(/\s+/g, '') });
  }
  const react = extractReactFacts(file, index);
  return {
    imports,
    cacheEntries,
    invalidations,
    dataWrites,
    invalidationCalls,
    ignoredLines: [...ignoredLines(sourceCode as never)],
    exportedStores,
    importedStoreUses,
    ...(react ? { react } : {}),
  };
}

function hasRead(uses: readonly { method: string; fn: unknown }[], fn: unknown): boolean {
  return uses.some((use) => use.fn === fn && READ_METHODS.has(use.method));
}
