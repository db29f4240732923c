import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { memberName, parentOf, propertyKey, resolveVariable, unwrap } from '../../core/ast.js';
import { getFileIndex } from '../../core/analysis/file-index.js';
import { originOf, type Origin } from '../../core/analysis/origins.js';
import type { FileInput, TextEdit } from '../../core/model.js';
import { dependencyMajor } from '../../core/project/versions.js';
import { getStoreAnalysis, type StoreSite } from '../../core/stores/analysis.js';
import {
  addImport,
  callMember,
  checkFrom,
  dependencyAdvice,
  editBindings,
  existingBinding,
  hasSpread,
  importsOf,
  moduleQuote,
  numericValue,
  property,
  removalRange,
  renameMember,
  requireDeclarators,
  sourceMajor,
  textOf,
  timesThousand,
  type Mark,
} from './shared.js';
import type { Migration } from './types.js';

const SOURCE = 'cache-manager';
const NEST = '@nestjs/cache-manager';
/** What NestJS 10 moved from @nestjs/common to @nestjs/cache-manager. */
const NEST_MOVED = new Set(['CacheModule', 'CACHE_MANAGER', 'CacheInterceptor', 'CacheKey', 'CacheTTL', 'CacheModuleOptions', 'CacheModuleAsyncOptions', 'CacheOptionsFactory']);
const TARGETS = new Set(['5', '6', '7']);

type Era = 4 | 5 | 6;

interface Context {
  readonly file: FileInput;
  readonly from: number | undefined;
  readonly to: number;
  readonly edits: TextEdit[];
  readonly marks: Mark[];
  readonly reports: Mark[];
  /** Callee identifiers of `caching`/`memoryStore` rewritten away (their imports may go). */
  readonly rewritten: Set<TSESTree.Node>;
  /** The file imports the cache API from @nestjs/common (NestJS 9 or older): it has not been migrated yet. */
  readonly nestV9: boolean;
  needsCreateCache: boolean;
  needsCreateKeyv: boolean;
  keyvAt: TSESTree.Node | undefined;
}

/**
 * cache-manager v4 → v5 → v6/v7. v4 TTLs are seconds and v5+ milliseconds: a TTL is converted
 * only where its unit is proven (a v4-shaped call: `caching({ store, ttl })`, `set(k, v, { ttl })`,
 * or a declared v4), and only when it is a number the file states; any other v4 TTL is marked.
 * Then (to 6/7) the v5 memory store becomes `createCache` with a cacheable `createKeyv` store,
 * `reset` becomes `clear`, `mget`/`mdel` take arrays, and (to 7) `=== null` miss checks on `get`
 * become `== null`. NestJS `CacheModule.register`, `registerAsync` factories, `@CacheTTL` and
 * injected `Cache` stores are included; the NestJS 10 imports move to @nestjs/cache-manager.
 */
export const cacheManager: Migration = {
  name: 'cache-manager',
  description: 'cache-manager v4/v5 → v7 (or --option to=5|6): TTL seconds → ms where proven, caching() → createCache() with Keyv stores, NestJS CacheModule; marks the rest',
  package: SOURCE,
  alsoFor: [NEST],
  targetMajor: 7,
  ranges: (options) => {
    const to = options.to ?? '7';
    return {
      'cache-manager': `^${to}.0.0`,
      // createKeyv: cacheable 1.x goes with cache-manager 6, 2.x with 7.
      ...(to === '5' ? {} : { cacheable: to === '6' ? '^1.8.0' : '^2.0.0' }),
      '@nestjs/cache-manager': to === '5' ? '^2.0.0' : '^3.0.0',
    };
  },
  options: {
    to: "the major version to migrate to: 5 (TTL units and v4 call shapes only), 6 (Keyv stores) or 7 (default: get() misses are undefined)",
    from: 'the major version the code was written for (default: the installed or declared cache-manager version); 4 means TTLs are seconds',
  },
  checkOptions(options) {
    if (options.to !== undefined && !TARGETS.has(options.to)) throw new Error(`cache-manager: --option to must be 5, 6 or 7, got "${options.to}"`);
    checkFrom(options, 'cache-manager');
  },
  gate: (text) => text.includes(SOURCE) || /\bCacheModule\b|\bCacheTTL\b|\bCACHE_MANAGER\b/.test(text),
  transform(file, options) {
    const to = options.to ?? '7';
    if (!TARGETS.has(to)) throw new Error(`cache-manager: --option to must be 5, 6 or 7, got "${to}"`);
    const context: Context = {
      file,
      from: fromVersion(file, options),
      to: Number(to),
      edits: [],
      marks: [],
      reports: [],
      rewritten: new Set(),
      nestV9: importsOf(file, '@nestjs/common').some((d) => d.specifiers.some((s) => s.type === AST_NODE_TYPES.ImportSpecifier && NEST_MOVED.has(s.imported.type === AST_NODE_TYPES.Identifier ? s.imported.name : s.imported.value))),
      needsCreateCache: false,
      needsCreateKeyv: false,
      keyvAt: undefined,
    };
    const index = getFileIndex(file);
    for (const site of getStoreAnalysis(file).stores) {
      if (site.library !== 'cache-manager') continue;
      const era = storeEra(site, context);
      if (site.creation?.type === AST_NODE_TYPES.CallExpression) migrateCreation(site.creation, era, context);
      migrateUses(site, era, context);
    }
    migrateNest(index.calls, index.decorators, context);
    fixImports(index.calls, context);
    return { edits: context.edits, marks: context.marks, reports: context.reports };
  },
};

/** `--option from`, else cache-manager's version, else what @nestjs/cache-manager implies (2.x: v5, 3.x: v6). */
function fromVersion(file: FileInput, options: Readonly<Record<string, string>>): number | undefined {
  const declared = sourceMajor(file, [SOURCE], options, 'cache-manager');
  if (declared !== undefined) return declared;
  const nest = dependencyMajor(file.filename, NEST);
  if (nest === 2) return 5;
  if (nest !== undefined && nest >= 3) return 6;
  return undefined;
}

function storeEra(site: StoreSite, context: Context): Era | undefined {
  const creation = site.creation;
  const path = site.origin?.path.join('.');
  if (creation?.type === AST_NODE_TYPES.CallExpression) {
    const first = creation.arguments[0] ? unwrap(creation.arguments[0]) : undefined;
    if (path === 'caching') return first?.type === AST_NODE_TYPES.ObjectExpression || !first ? (first ? 4 : eraOf(context.from)) : 5;
    if (path === 'createCache') return first && first.type !== AST_NODE_TYPES.ObjectExpression ? 5 : 6;
  }
  return eraOf(context.from);
}

function eraOf(major: number | undefined): Era | undefined {
  if (major === undefined) return undefined;
  return major < 5 ? 4 : major < 6 ? 5 : 6;
}

// ---------------------------------------------------------------------------------------------
// Creation: caching({ store: 'memory', ... }) (v4), caching('memory', {...}) and createCache(memoryStore({...})) (v5).

function migrateCreation(call: TSESTree.CallExpression, era: Era | undefined, context: Context): void {
  const { file } = context;
  const origin = originOf(call.callee, file);
  const path = origin?.path.join('.');
  const first = call.arguments[0] ? unwrap(call.arguments[0]) : undefined;
  if (path === 'multiCaching') {
    if (context.to >= 6) context.marks.push({ node: call, message: 'multiCaching is gone since v6: use createCache({ stores: [keyvA, keyvB] }) with Keyv stores' });
    return;
  }
  if (path === 'caching' && era === 4 && first?.type === AST_NODE_TYPES.ObjectExpression) {
    const store = property(first, 'store');
    const storeValue = store ? unwrap(store.value) : undefined;
    const memory = !store || (storeValue?.type === AST_NODE_TYPES.Literal && storeValue.value === 'memory');
    // The TTL is converted only when the call is rewritten: a call left in its v4 shape (marked) is
    // still a v4 call on the next run, and converting it again would multiply it by 1000 twice.
    const rewritten = memory && context.to !== 5 && !hasSpread(first);
    if (rewritten) convertTtlProperty(property(first, 'ttl'), context);
    else markTtlProperty(property(first, 'ttl'), context);
    if (property(first, 'isCacheableValue')) context.marks.push({ node: property(first, 'isCacheableValue')!, message: 'isCacheableValue is gone: v5 had isCacheable; v6 createCache has no such option (skip the write yourself)' });
    if (!memory) {
      context.marks.push({ node: call, message: 'a third-party v4 store: v6+ takes Keyv stores (e.g. new Keyv({ store: new KeyvRedis(url) }) from @keyv/redis), v5 its own store packages' });
      return;
    }
    if (context.to === 5) {
      context.marks.push({ node: call, message: "caching() is async since v5: `await caching('memory', { max, ttl })` (ttl in milliseconds)" });
      return;
    }
    if (hasSpread(first)) {
      context.marks.push({ node: call, message: 'options spread from elsewhere: v6+ is createCache({ ttl, stores: [createKeyv({ lruSize: max })] }) with ttl in milliseconds' });
      return;
    }
    if (store) context.edits.push({ range: removalRange(store, first.properties), text: '' });
    toCreateCache(call, first, context);
    return;
  }
  if (context.to < 6) return;
  if (path === 'caching' && era === 5) {
    const options = call.arguments[1] ? unwrap(call.arguments[1]) : undefined;
    if (!first || first.type !== AST_NODE_TYPES.Literal || first.value !== 'memory') {
      context.marks.push({ node: call, message: 'v6+ stores are Keyv instances: createCache({ stores: [new Keyv({ store: adapter })] }) (e.g. @keyv/redis), or wrap a legacy store in KeyvAdapter' });
      return;
    }
    if (options && options.type !== AST_NODE_TYPES.ObjectExpression) {
      context.marks.push({ node: call, message: 'options built elsewhere: v6+ is createCache({ ttl, stores: [createKeyv({ lruSize: max })] })' });
      return;
    }
    // caching('memory', { ... }) → createCache({ ... }): drop the store argument.
    context.edits.push({ range: [first.range[0], options ? options.range[0] : first.range[1]], text: '' });
    toCreateCache(call, options, context);
    return;
  }
  if (path === 'createCache' && era === 5 && first?.type === AST_NODE_TYPES.CallExpression) {
    const inner = originOf(first.callee, file);
    if (inner?.source !== SOURCE || inner.path.join('.') !== 'memoryStore') {
      context.marks.push({ node: call, message: 'v6+ stores are Keyv instances: createCache({ stores: [new Keyv({ store: adapter })] }), or wrap a legacy store in KeyvAdapter' });
      return;
    }
    const options = first.arguments[0] ? unwrap(first.arguments[0]) : undefined;
    if (options && options.type !== AST_NODE_TYPES.ObjectExpression) {
      context.marks.push({ node: call, message: 'options built elsewhere: v6+ is createCache({ ttl, stores: [createKeyv({ lruSize: max })] })' });
      return;
    }
    // createCache(memoryStore({ ... })) → createCache({ ... })
    context.edits.push({ range: [first.range[0], options ? options.range[0] : first.range[1]], text: '' });
    if (options) context.edits.push({ range: [options.range[1], first.range[1]], text: '' });
    context.rewritten.add(unwrap(first.callee));
    bound(options, call, context);
  }
}

/** Renames the callee to createCache, drops a surrounding `await`, and turns `max` into a bounded Keyv store. */
function toCreateCache(call: TSESTree.CallExpression, options: TSESTree.ObjectExpression | undefined, context: Context): void {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    context.edits.push({ range: callee.range, text: 'createCache' });
    context.rewritten.add(callee);
    context.needsCreateCache = true;
  } else if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const edit = renameMember(callee, 'createCache');
    if (edit) context.edits.push(edit);
  }
  const parent = call.parent;
  if (parent?.type === AST_NODE_TYPES.AwaitExpression) context.edits.push({ range: [parent.range[0], call.range[0]], text: '' });
  bound(options, call, context);
}

/** `max: n` → `stores: [createKeyv({ lruSize: n })]`; no max: the default Keyv store is unbounded, so mark it. */
function bound(options: TSESTree.ObjectExpression | undefined, call: TSESTree.CallExpression, context: Context): void {
  const { file } = context;
  const max = property(options, 'max');
  if (max) {
    context.edits.push({ range: max.range, text: `stores: [createKeyv({ lruSize: ${textOf(file, max.value)} })]` });
    context.needsCreateKeyv = true;
    context.keyvAt ??= call;
  } else {
    context.marks.push({ node: call, message: "no max: v4/v5 memory stores were bounded LRUs, createCache()'s default Keyv store is not; add stores: [createKeyv({ lruSize: n })] from 'cacheable'" });
  }
  for (const prop of options?.properties ?? []) {
    const key = prop.type === AST_NODE_TYPES.Property ? propertyKey(prop) : undefined;
    if (key && ['isCacheable', 'isCacheableValue', 'onBackgroundRefreshError', 'shouldCloneBeforeSet', 'maxSize', 'sizeCalculation', 'dispose', 'updateAgeOnGet'].includes(key)) {
      context.marks.push({ node: prop, message: `\`${key}\` is not a createCache option in v6+: configure the store (createKeyv/CacheableMemory) or handle it in your code` });
    }
  }
}

/** ttl: 60 (v4 seconds) → ttl: 60 * 1000; a TTL the file does not state is marked. */
function convertTtlProperty(prop: TSESTree.Property | undefined, context: Context): void {
  if (!prop) return;
  convertTtl(prop.value, prop, context, (text) => (prop.shorthand ? { range: prop.range, text: `ttl: ${text}` } : { range: prop.value.range, text }));
}

/** A v4 `ttl` left in place (its call is marked): say which unit v5+ expects, change nothing. */
function markTtlProperty(prop: TSESTree.Property | undefined, context: Context): void {
  if (!prop || numericValue(prop.value, context.file) === 0) return;
  context.marks.push({ node: prop, message: 'v4 TTLs are seconds, v5+ milliseconds: multiply this value by 1000 when you port this call' });
}

function convertTtl(value: TSESTree.Node, at: TSESTree.Node, context: Context, edit: (text: string) => TextEdit): void {
  const seconds = numericValue(value, context.file);
  if (seconds === 0) return;
  if (seconds === undefined) {
    context.marks.push({ node: at, message: 'v4 TTLs are seconds, v5+ milliseconds: multiply this value by 1000 if it is in seconds' });
    return;
  }
  context.edits.push(edit(timesThousand(context.file, unwrap(value))));
}

// ---------------------------------------------------------------------------------------------
// Uses: set/wrap TTLs, callbacks, reset, store, mget/mdel, null checks.

function migrateUses(site: StoreSite, era: Era | undefined, context: Context): void {
  const { file } = context;
  for (const use of site.uses) {
    if (use.via !== 'direct') continue;
    const call = use.call;
    const member = call ? callMember(call) : use.node.type === AST_NODE_TYPES.MemberExpression ? use.node : undefined;
    if (!member) continue;
    const method = use.method;
    const storeGone = context.to >= 6 && (context.from === undefined || context.from < 6);
    if (method === 'store' || method.startsWith('store.')) {
      // cache.store, cache.store.keys(), cache.store.mget(...): v6+ caches have no `store`.
      if (storeGone) context.marks.push({ node: call ?? member, message: '`store` is gone since v6: the Keyv stores are `stores`; keys()/mget/mset/reset on a store are not part of the v6 API' });
      continue;
    }
    if (!call) continue;
    const args = call.arguments;
    const last = args[args.length - 1];
    if (last && isFunction(last) && ['get', 'set', 'del', 'wrap', 'reset', 'mget', 'mset', 'ttl', 'keys'].includes(method)) {
      if (!(method === 'wrap' && args.length === 2)) {
        context.marks.push({ node: call, message: 'callbacks are gone since v5: await the returned promise' });
        continue;
      }
    }
    if (method === 'set' || method === 'wrap') {
      const third = args[2] ? unwrap(args[2]) : undefined;
      if (third?.type === AST_NODE_TYPES.ObjectExpression && (method === 'set' || era === 4)) {
        // set(k, v, { ttl }) is the v4 shape: seconds, positional since v5.
        const ttl = property(third, 'ttl');
        if (!ttl || third.properties.length !== 1) {
          context.marks.push({ node: call, message: 'v4 options object: since v5 the TTL is a positional number of milliseconds' });
          continue;
        }
        const seconds = numericValue(ttl.value, file);
        if (seconds === undefined) {
          context.marks.push({ node: call, message: 'v4 `{ ttl }` is seconds, v5+ a positional number of milliseconds: pass `ttl * 1000` if this value is in seconds' });
        } else {
          context.edits.push({ range: third.range, text: seconds === 0 ? '0' : timesThousand(file, unwrap(ttl.value)) });
        }
      } else if (third && era === 4 && method === 'set' && (site.provenance === 'created' || context.nestV9)) {
        // Only where the file itself shows v4 (a v4 creation, NestJS 9 imports): a migrated file must not be marked again.
        context.marks.push({ node: call, message: 'v4 read the TTL from an options object ({ ttl: seconds }); since v5 it is a positional number of milliseconds: check this value' });
      }
      continue;
    }
    if (context.to < 6 || (context.from !== undefined && context.from >= 6)) {
      continue;
    }
    if (method === 'reset') {
      const edit = renameMember(member, 'clear');
      if (edit) context.edits.push(edit);
    } else if ((method === 'mget' || method === 'mdel') && args.length > 0 && unwrap(args[0]!).type !== AST_NODE_TYPES.ArrayExpression) {
      context.edits.push({ range: [args[0]!.range[0], args[args.length - 1]!.range[1]], text: `[${args.map((a) => textOf(file, a)).join(', ')}]` });
    } else if (method === 'mset') {
      context.marks.push({ node: call, message: 'mset takes [{ key, value, ttl }] since v6' });
    } else if (method === 'get' && context.to >= 7) {
      nullChecks(call, context);
    }
  }
}

function isFunction(node: TSESTree.Node): boolean {
  const expression = unwrap(node);
  return expression.type === AST_NODE_TYPES.ArrowFunctionExpression || expression.type === AST_NODE_TYPES.FunctionExpression;
}

/** v7 get() misses are undefined, not null: `x === null` → `x == null` for values read from get(). */
function nullChecks(call: TSESTree.CallExpression, context: Context): void {
  let holder: TSESTree.Node = call;
  if (parentOf(holder)?.type === AST_NODE_TYPES.AwaitExpression) holder = parentOf(holder)!;
  else if (call.parent?.type === AST_NODE_TYPES.AwaitExpression) holder = call.parent;
  else return;
  const comparisons: TSESTree.BinaryExpression[] = [];
  const parent = parentOf(holder);
  if (parent?.type === AST_NODE_TYPES.BinaryExpression) comparisons.push(parent);
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
    const variable = resolveVariable(parent.id, context.file.scopeManager);
    const references = variable?.references ?? [];
    if (references.some((r) => r.isWrite() && r.identifier !== parent.id)) return;
    for (const reference of references) {
      const user = parentOf(reference.identifier);
      if (user?.type === AST_NODE_TYPES.BinaryExpression) comparisons.push(user);
    }
  }
  for (const comparison of comparisons) {
    if (comparison.operator !== '===' && comparison.operator !== '!==') continue;
    const isNull = (node: TSESTree.Node) => node.type === AST_NODE_TYPES.Literal && node.raw === 'null';
    if (!isNull(comparison.left) && !isNull(comparison.right)) continue;
    const start = comparison.left.range[1];
    const operatorAt = context.file.text.indexOf(comparison.operator, start);
    context.edits.push({ range: [operatorAt, operatorAt + 3], text: comparison.operator === '===' ? '==' : '!=' });
  }
}

// ---------------------------------------------------------------------------------------------
// NestJS: CacheModule.register/registerAsync, @CacheTTL, and the NestJS 10 import move.

function migrateNest(calls: readonly TSESTree.CallExpression[], decorators: readonly TSESTree.Decorator[], context: Context): void {
  const { file } = context;
  // Seconds only for the NestJS 9 API (imported from @nestjs/common) with cache-manager 4: after the
  // migration the imports come from @nestjs/cache-manager, so a second run converts nothing twice.
  const seconds = context.from !== undefined && context.from < 5 && context.nestV9;
  const nestSource = (origin: Origin | undefined) => origin?.source === NEST || origin?.source === '@nestjs/common';
  for (const call of calls) {
    const member = callMember(call);
    if (!member) continue;
    const origin = originOf(member.object, file);
    if (!nestSource(origin) || origin!.path.join('.') !== 'CacheModule' || origin!.via !== 'ref') continue;
    const method = memberName(member);
    const argument = call.arguments[0] ? unwrap(call.arguments[0]) : undefined;
    if (!argument && method === 'register' && unboundedDefault(context)) {
      context.marks.push({ node: call, message: NEST_UNBOUNDED });
      continue;
    }
    if (argument?.type !== AST_NODE_TYPES.ObjectExpression) continue;
    let options: TSESTree.ObjectExpression | undefined;
    if (method === 'register') options = argument;
    else if (method === 'registerAsync') options = factoryResult(property(argument, 'useFactory')?.value);
    if (!options) {
      if (method === 'registerAsync' && (seconds || context.from === undefined)) context.marks.push({ node: call, message: 'check the factory: v4 TTLs are seconds, v5+ milliseconds' });
      continue;
    }
    nestOptions(options, call, seconds, context);
  }
  for (const decorator of decorators) {
    const expression = decorator.expression;
    if (expression.type !== AST_NODE_TYPES.CallExpression) continue;
    const origin = originOf(expression.callee, file);
    if (!nestSource(origin) || origin!.path.join('.') !== 'CacheTTL') continue;
    const argument = expression.arguments[0];
    if (!argument || isFunction(argument)) continue;
    if (seconds) convertTtl(argument, decorator, context, (text) => ({ range: argument.range, text }));
    else if (context.from === undefined) context.marks.push({ node: decorator, message: 'v4 TTLs are seconds, v5+ milliseconds: check this value' });
  }
}

function nestOptions(options: TSESTree.ObjectExpression, call: TSESTree.CallExpression, seconds: boolean, context: Context): void {
  const ttl = property(options, 'ttl');
  if (ttl && seconds) convertTtlProperty(ttl, context);
  else if (ttl && context.from === undefined) context.marks.push({ node: ttl, message: 'v4 TTLs are seconds, v5+ milliseconds: no cache-manager version is declared, so check this value' });
  if (context.to < 6 || (context.from !== undefined && context.from >= 6)) return;
  const store = property(options, 'store');
  if (store) {
    context.marks.push({ node: store, message: 'v6+ takes Keyv stores: `stores: [new KeyvRedis(url)]` (@keyv/redis) instead of `store:` (cache-manager-redis-store and -yet are deprecated)' });
    return;
  }
  if (hasSpread(options) || property(options, 'stores')) return;
  const max = property(options, 'max');
  if (max) {
    context.edits.push({ range: max.range, text: `stores: [createKeyv({ lruSize: ${textOf(context.file, max.value)} })]` });
    context.needsCreateKeyv = true;
    context.keyvAt ??= call;
  } else if (unboundedDefault(context)) {
    context.marks.push({ node: call, message: NEST_UNBOUNDED });
  }
}

const NEST_UNBOUNDED = "no max: the v4/v5 memory store was a bounded LRU, the default store of @nestjs/cache-manager 3 (cache-manager 6+) is not; add stores: [createKeyv({ lruSize: n })] from 'cacheable'";

/** The default in-memory store turns unbounded: migrating to v6+ from code written for v4/v5 (or an unknown version). */
function unboundedDefault(context: Context): boolean {
  return context.to >= 6 && (context.from === undefined || context.from < 6);
}

/** The object a `useFactory` returns: `() => ({...})` or a body ending in `return {...}`. */
function factoryResult(node: TSESTree.Node | undefined): TSESTree.ObjectExpression | undefined {
  if (!node) return undefined;
  const fn = unwrap(node);
  if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.type !== AST_NODE_TYPES.FunctionExpression) return undefined;
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    const body = unwrap(fn.body);
    return body.type === AST_NODE_TYPES.ObjectExpression ? body : undefined;
  }
  const last = fn.body.body[fn.body.body.length - 1];
  if (last?.type === AST_NODE_TYPES.ReturnStatement && last.argument && unwrap(last.argument).type === AST_NODE_TYPES.ObjectExpression) {
    return unwrap(last.argument) as TSESTree.ObjectExpression;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Imports.

function fixImports(calls: readonly TSESTree.CallExpression[], context: Context): void {
  const { file } = context;
  const quote = moduleQuote(file);
  const cacheManagerHolders: (TSESTree.ImportDeclaration | TSESTree.VariableDeclarator)[] = [
    ...importsOf(file, SOURCE).filter((d) => d.importKind !== 'type'),
    ...requireDeclarators(file, [SOURCE], calls).filter((d) => d.id.type === AST_NODE_TYPES.ObjectPattern),
  ];
  // Drop `caching`/`memoryStore` when every use was rewritten; add `createCache`.
  const remove = new Set<string>();
  for (const name of ['caching', 'memoryStore']) {
    const local = existingBinding(file, SOURCE, name);
    if (!local) continue;
    const variable = findTopVariable(file, local);
    const uses = (variable?.references ?? []).filter((r) => !isDeclarationId(r.identifier));
    if (uses.length > 0 && uses.every((r) => context.rewritten.has(r.identifier))) remove.add(name);
  }
  const addCreateCache = context.needsCreateCache && existingBinding(file, SOURCE, 'createCache') === undefined;
  const holder = cacheManagerHolders.find((h) => h.type !== AST_NODE_TYPES.ImportDeclaration || h.specifiers.some((s) => s.type === AST_NODE_TYPES.ImportSpecifier));
  if (holder && (remove.size > 0 || addCreateCache)) {
    const edit = editBindings(file, holder, remove, addCreateCache ? ['createCache'] : []);
    if (edit) context.edits.push(edit);
  }
  if (context.needsCreateKeyv && existingBinding(file, 'cacheable', 'createKeyv') === undefined) {
    const existing = importsOf(file, 'cacheable').find((d) => d.importKind !== 'type' && d.specifiers.every((s) => s.type === AST_NODE_TYPES.ImportSpecifier));
    const edit = existing ? editBindings(file, existing, new Set(), ['createKeyv']) : addImport(file, 'cacheable', 'createKeyv', quote);
    if (edit) context.edits.push(edit);
    const advice = dependencyAdvice(file, 'cacheable', context.to === 6 ? 1 : 2);
    if (context.keyvAt && advice) context.reports.push({ node: context.keyvAt, message: `createKeyv comes from the 'cacheable' package (a bounded in-memory Keyv store): ${advice}` });
  }
  markGoneImports(context, remove);
  // NestJS 10: the cache API moved from @nestjs/common to @nestjs/cache-manager.
  for (const declaration of importsOf(file, '@nestjs/common')) {
    const moved = declaration.specifiers.filter(
      (s): s is TSESTree.ImportSpecifier => s.type === AST_NODE_TYPES.ImportSpecifier && NEST_MOVED.has(s.imported.type === AST_NODE_TYPES.Identifier ? s.imported.name : s.imported.value),
    );
    if (moved.length === 0) continue;
    const names = new Set(moved.map((s) => (s.imported.type === AST_NODE_TYPES.Identifier ? s.imported.name : s.imported.value)));
    const texts = moved.map((s) => textOf(file, s));
    const target = importsOf(file, NEST).find((d) => d.importKind !== 'type' && d.specifiers.every((s) => s.type === AST_NODE_TYPES.ImportSpecifier));
    const removal = editBindings(file, declaration, names, []);
    const nestMajor = dependencyMajor(file.filename, '@nestjs/common');
    if ((nestMajor !== undefined && nestMajor < 10) || dependencyMajor(file.filename, NEST) === undefined) {
      context.reports.push({
        node: declaration,
        message: `the cache API lives in @nestjs/cache-manager since NestJS 10: add @nestjs/cache-manager to your dependencies (^2 for cache-manager 5, ^3 for 6+)${nestMajor !== undefined && nestMajor < 10 ? ` and upgrade @nestjs/common and @nestjs/core from v${nestMajor} to ^10 or later` : ''}`,
      });
    }
    if (target) {
      const added = editBindings(file, target, new Set(), texts);
      if (removal) context.edits.push(removal);
      if (added) context.edits.push(added);
    } else if (removal) {
      const semi = textOf(file, declaration).trimEnd().endsWith(';') ? ';' : '';
      const line = `import ${declaration.importKind === 'type' ? 'type ' : ''}{ ${texts.join(', ')} } from ${quote}${NEST}${quote}${semi}`;
      context.edits.push(removal.text === '' ? { range: declaration.range, text: line } : { range: removal.range, text: `${removal.text}${file.text.includes('\r\n') ? '\r\n' : '\n'}${line}` });
    }
  }
}

/** What cache-manager v6/v7 export; any other imported name is gone. */
const V6_EXPORTS = new Set(['Cache', 'CacheManagerStore', 'CreateCacheOptions', 'Events', 'KeyvAdapter', 'createCache']);
/** Names whose calls are migrated or marked where they are used (a second marker on the import would say nothing new). */
const MARKED_AT_USE = new Set(['caching', 'memoryStore', 'multiCaching']);

/** `import cacheManager from 'cache-manager'` (v6+ has no default export) and named imports v6+ no longer export. */
function markGoneImports(context: Context, removed: ReadonlySet<string>): void {
  const { file } = context;
  for (const declaration of importsOf(file, SOURCE)) {
    for (const specifier of declaration.specifiers) {
      if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) {
        if (context.from !== undefined && context.from >= 5) continue;
        context.marks.push({ node: declaration, message: "cache-manager has no default export since v5: import the names you use (import { createCache } from 'cache-manager')" });
      } else if (specifier.type === AST_NODE_TYPES.ImportSpecifier && unboundedDefault(context)) {
        const name = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
        if (V6_EXPORTS.has(name) || MARKED_AT_USE.has(name) || removed.has(name)) continue;
        context.marks.push({ node: declaration, message: `cache-manager v6+ does not export \`${name}\`: use \`Cache\` (the type of createCache()) or the Keyv store types` });
      }
    }
  }
}

function findTopVariable(file: FileInput, name: string) {
  const global = file.scopeManager?.globalScope;
  const module = global?.childScopes.find((s) => s.type === 'module');
  return module?.set.get(name) ?? global?.set.get(name);
}

function isDeclarationId(node: TSESTree.Node): boolean {
  const parent = node.parent;
  return (
    parent?.type === AST_NODE_TYPES.ImportSpecifier ||
    (parent?.type === AST_NODE_TYPES.Property && parent.parent?.type === AST_NODE_TYPES.ObjectPattern)
  );
}
