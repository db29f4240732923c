import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { enclosingFunction, isFunction, memberName, parentOf, propertyKey, resolveVariable, staticValue, unwrap, constInitializer } from '../ast.js';
import { contains, getFileIndex, type FunctionNode } from '../analysis/file-index.js';
import { fileHasDirective } from '../react/directives.js';
import { originOf } from '../analysis/origins.js';
import { addOption } from '../edits/options.js';
import type { Detector, FileInput, Finding, SuggestionPlan, TextEdit, VariableLike } from '../model.js';
import { dependencyMajor } from '../project/versions.js';
import { getStoreAnalysis, STORE_TEXT, storeTextFlags, type StoreSite, type StoreUse } from '../stores/analysis.js';

/** Options of `no-unbounded-cache`. */
export interface NoUnboundedCacheOptions {
  /** The entry count the suggestions write (`max`, `maxSize`). */
  readonly defaultMax: number;
  /** The lifetime in seconds the suggestions write (`stdTTL`, TanStack `gcTime`). */
  readonly defaultTtlSeconds: number;
  /** lru-cache's major version; read from the nearest package.json when omitted. */
  readonly lruCacheMajor?: number;
  /** Regular expressions for cache names (variables, fields, memoized functions) never reported. */
  readonly allowNames: readonly string[];
}

/** Message ids of `no-unbounded-cache`. */
export type NoUnboundedCacheMessageId =
  | 'unboundedMap'
  | 'lodashMemoize'
  | 'memoizeeNoMax'
  | 'moizeInfinite'
  | 'nodeCacheNoTtl'
  | 'lruThrows'
  | 'lruUnbounded'
  | 'lruTtlOnly'
  | 'quickLruNoMaxSize'
  | 'infiniteOption'
  | 'infiniteGcTime'
  | 'addMax'
  | 'addMaxSize'
  | 'addStdTtl'
  | 'useMaxSize'
  | 'finiteValue';

type Report = (finding: Finding<NoUnboundedCacheMessageId>) => void;
type Suggestions = SuggestionPlan<NoUnboundedCacheMessageId>[];

interface Context {
  readonly file: FileInput;
  readonly options: NoUnboundedCacheOptions;
  readonly report: Report;
}

/**
 * A cache that can only grow. Two kinds of proof:
 *
 * - `Map` and plain-object caches at module or class level: a read (`get`/`has`/`[]`/`in`)
 *   followed, in the same function, by a write under the same key derived from the function's
 *   inputs (the get-miss-set shape), and no eviction anywhere in the file (`delete`, `clear`, a
 *   size read, a reassignment). Stores that leave the file's sight (exported, passed on, public
 *   fields of exported classes) are left alone: code elsewhere may evict them.
 * - Libraries, by their own defaults: lodash `memoize` (unbounded `Map`), memoizee without
 *   `max`/`maxAge`, `moize.infinite`/`maxSize: Infinity` (plain `moize` keeps one entry),
 *   node-cache with neither `stdTTL` nor `maxKeys` and entries set without a TTL, lru-cache
 *   without any bound (a crash from v7, unbounded before) or with a `ttl` alone, quick-lru
 *   without `maxSize`, TanStack Query `gcTime: Infinity`.
 *
 * Suggestions only: a bound changes what stays cached, so a person picks it.
 */
export const noUnboundedCache: Detector<NoUnboundedCacheOptions, NoUnboundedCacheMessageId> = {
  id: 'no-unbounded-cache',
  messages: {
    unboundedMap:
      '`{{name}}` is a cache that only grows: line {{line}} adds an entry under a key from the inputs when it misses, and nothing in this file deletes entries, clears it or checks its size. Use a bounded cache (for example lru-cache with `max`) or evict entries.',
    lodashMemoize:
      "`{{callee}}` keeps every result forever: lodash's memoize cache is a `Map` without a bound, keyed by the first argument. Use a memoizer with a bound (memoizee with `max`, moize with `maxSize`) or an lru-cache.",
    memoizeeNoMax: 'memoizee keeps every result forever unless it is given `max` (or `maxAge`).',
    moizeInfinite: "`{{shape}}` keeps every result forever (moize's own default keeps only the last one). Give it a finite `maxSize`, or a `maxAge`.",
    nodeCacheNoTtl:
      'node-cache never expires or evicts by default (`stdTTL: 0`, no `maxKeys`), and line {{line}} sets an entry without a TTL: this cache only grows. Give it a `stdTTL`.',
    lruThrows:
      'lru-cache needs `max`, `maxSize` or `ttl`: from v7 on this constructor throws a `TypeError` when the module loads (and before v7 the cache never evicts).',
    lruUnbounded: 'lru-cache v{{major}} defaults `max` to `Infinity`: without `max` this cache never evicts.',
    lruTtlOnly:
      '`{{option}}` alone does not bound lru-cache: stale entries are only dropped when they are read again, so keys that are never read again stay in memory. Add `max` (or `maxSize`).',
    quickLruNoMaxSize: 'quick-lru requires a positive `maxSize`: without it the constructor throws a `TypeError`.',
    infiniteOption: '`{{option}}: Infinity` keeps every entry of this {{library}} forever; use a finite bound.',
    infiniteGcTime:
      "`{{option}}: Infinity` never garbage-collects inactive queries: the data of every query key ever used stays in memory. Use a finite time (TanStack Query's default is 5 minutes).",
    addMax: 'Add `max: {{max}}`.',
    addMaxSize: 'Add `maxSize: {{max}}`.',
    addStdTtl: 'Add `stdTTL: {{ttl}}` (seconds); `maxKeys` alone would make `set` throw once the cache is full.',
    useMaxSize: 'Use `{{replacement}}` instead.',
    finiteValue: 'Replace `Infinity` with `{{value}}`.',
  },
  // Findings come from the store analysis, whose text evidence is computed once per file for
  // every store rule (Map, object and memoizer/LRU stores), or from TanStack's `gcTime: Infinity`.
  gate: (text) => {
    const flags = storeTextFlags(text);
    return (
      (flags & (STORE_TEXT.map | STORE_TEXT.nullPrototype | STORE_TEXT.object)) !== 0 ||
      // `moize` is also in `memoize` and `memoizee`.
      ((flags & STORE_TEXT.module) !== 0 && (text.includes('moize') || text.includes('node-cache') || text.includes('lru'))) ||
      ((text.includes('Infinity') || text.includes('INFINITY')) && (text.includes('gcTime') || text.includes('cacheTime')))
    );
  },
  detect(file, options, report) {
    const context: Context = { file, options, report };
    const allow = allowPatterns(options);
    const reported = new Set<string | TSESTree.Node>();
    const stores = getStoreAnalysis(file).stores;
    for (const site of stores) {
      if (site.provenance !== 'created') continue;
      const name = site.binding.kind === 'anonymous' ? undefined : site.binding.name.replace(/^#/, '');
      if (name !== undefined && allow.some((pattern) => pattern.test(name))) continue;
      switch (site.library) {
        case 'map':
        case 'object': {
          const key = site.binding.kind === 'variable' ? site.binding.id : site.binding.kind === 'member' ? `${site.binding.cls.range[0]}:${site.binding.name}` : site.node;
          if (reported.has(key)) continue;
          if (checkContainer(site, stores, context)) reported.add(key);
          break;
        }
        case 'lodash-memoize':
          checkLodash(site, context);
          break;
        case 'memoizee':
          checkMemoizee(site, context);
          break;
        case 'moize':
          checkMoize(site, context);
          break;
        case 'node-cache':
          checkNodeCache(site, context);
          break;
        case 'lru-cache':
          checkLru(site, context);
          break;
        case 'quick-lru':
          checkQuickLru(site, context);
          break;
        default:
          break;
      }
    }
    const text = file.text;
    if (/Infinity|INFINITY/.test(text) && (text.includes('gcTime') || text.includes('cacheTime')) && (text.includes('@tanstack/') || text.includes('react-query'))) {
      checkTanstack(context);
    }
  },
};

const allowCache = new WeakMap<readonly string[], RegExp[]>();

function allowPatterns(options: NoUnboundedCacheOptions): RegExp[] {
  const list = options.allowNames ?? [];
  let patterns = allowCache.get(list);
  if (!patterns) {
    patterns = list.map((source) => new RegExp(source, 'u'));
    allowCache.set(list, patterns);
  }
  return patterns;
}

// ---------------------------------------------------------------------------------------------
// Map and object caches

const VALUE_READS: ReadonlySet<string> = new Set(['get', '[]']);
const PRESENCE_READS: ReadonlySet<string> = new Set(['has', 'hasOwnProperty']);
const EVICTIONS: ReadonlySet<string> = new Set(['delete', 'clear', '=', 'size']);

function checkContainer(site: StoreSite, stores: readonly StoreSite[], { file, report }: Context): boolean {
  if (site.binding.kind === 'anonymous' || !isLongLived(site, file)) return false;
  // A browser tab or a one-off tool ends long before a Map of its own keys matters.
  if (runsInBrowser(file) || SHORT_LIVED_PATH.test(file.filename.replace(/\\/g, '/'))) return false;
  if (site.escapes.length > 0) return false;
  if (site.uses.some((use) => EVICTIONS.has(use.method))) return false;
  if (site.binding.kind === 'member') {
    const binding = site.binding;
    // Another creation for the same field (`reset() { this.cache = new Map() }`) resets it.
    if (stores.some((other) => other !== site && other.binding.kind === 'member' && other.binding.cls === binding.cls && other.binding.name === binding.name)) {
      return false;
    }
    const conventionallyPrivate = binding.isPrivate || binding.name.startsWith('_');
    if (!conventionallyPrivate && classEscapes(binding.cls, file)) return false;
    // `Service.cache.clear()`: static fields reached through the class name are not followed.
    if (binding.isStatic && binding.cls.id && file.text.includes(`${binding.cls.id.name}.${binding.name}`)) return false;
  }
  const write = missSetWrite(site, file);
  if (!write) return false;
  // Keys from a fixed set (locales, currencies, an enum) bound the Map by themselves.
  if (fixedKeySet(site, write, file)) return false;
  report({
    messageId: 'unboundedMap',
    data: { name: site.binding.name, line: write.node.loc.start.line },
    node: containerNode(site),
  });
  return true;
}

function containerNode(site: StoreSite): TSESTree.Node {
  if (site.creation) return site.creation;
  const node = site.node;
  if (node.type === AST_NODE_TYPES.VariableDeclarator && node.init) return node.init;
  if (node.type === AST_NODE_TYPES.PropertyDefinition && node.value) return node.value;
  return node;
}

/**
 * The write that proves a cache: `set`/`[]=` under a key derived from the function's inputs,
 * with a non-trivial value, preceded in the same function by a read of the same key, and with
 * the value served from the store there (`get`/`[]`). Counters (`set(k, get(k) + 1)`) and
 * registries filled from constants are not caches.
 */
function missSetWrite(site: StoreSite, file: FileInput): StoreUse | undefined {
  const writes = site.uses.filter((use) => use.method === 'set' || use.method === '[]=');
  const reads = site.uses.filter((use) => VALUE_READS.has(use.method) || PRESENCE_READS.has(use.method));
  for (const write of writes) {
    const key = write.args[0];
    const value = write.args[1];
    if (!write.fn || !key || !value || key.type === AST_NODE_TYPES.SpreadElement) continue;
    if (isTrivialValue(value)) continue;
    const inputs = inputVariables(key, file);
    if (inputs.size === 0) continue;
    const logical = write.node.type === AST_NODE_TYPES.AssignmentExpression && write.node.operator !== '=';
    let prior: StoreUse | undefined;
    let served = logical;
    for (const read of reads) {
      if (!read.fn || !(read.fn === write.fn || contains(read.fn, write.node))) continue;
      const readKey = read.args[0];
      if (!readKey || !sameKey(readKey, key, inputs, file)) continue;
      // A read inside the written value is an accumulator (`set(k, (get(k) ?? 0) + 1)`), unless
      // it is the memo idiom `cache[k] = cache[k] || compute(k)`.
      if (contains(value, read.node)) {
        const memoIdiom = unwrap(value).type === AST_NODE_TYPES.LogicalExpression && unwrap((unwrap(value) as TSESTree.LogicalExpression).left) === read.node;
        if (!memoIdiom) continue;
        served = true;
        prior ??= read;
        continue;
      }
      if (read.node.range[0] < write.node.range[0]) prior ??= read;
      if (VALUE_READS.has(read.method)) served = true;
    }
    if (logical) prior ??= write;
    if (!prior || !served) continue;
    const owner = prior.fn ?? write.fn;
    if (isGivenValue(value, owner, file) || calledOnlyWithConstants(owner, file)) continue;
    return write;
  }
  return undefined;
}

function isTrivialValue(node: TSESTree.Node): boolean {
  const value = unwrap(node);
  switch (value.type) {
    case AST_NODE_TYPES.Literal:
      return true;
    case AST_NODE_TYPES.TemplateLiteral:
      return value.expressions.length === 0;
    case AST_NODE_TYPES.ArrayExpression:
      return value.elements.length === 0;
    case AST_NODE_TYPES.ObjectExpression:
      return value.properties.length === 0;
    case AST_NODE_TYPES.Identifier:
      return value.name === 'undefined';
    case AST_NODE_TYPES.NewExpression:
      return (
        value.arguments.length === 0 &&
        value.callee.type === AST_NODE_TYPES.Identifier &&
        ['Set', 'Map', 'WeakMap', 'WeakSet', 'Array', 'Object'].includes(value.callee.name)
      );
    default:
      return false;
  }
}

/**
 * A value stored as the caller gave it (a parameter of the function, a loop variable) rather than
 * computed from the key: `register(name, handler)`, `for (const item of items) byId[item.id] = item`.
 * That fills a registry or an index, not a cache.
 */
function isGivenValue(node: TSESTree.Node, owner: FunctionNode, file: FileInput): boolean {
  const value = unwrap(node);
  if (value.type !== AST_NODE_TYPES.Identifier) return false;
  const def = resolveVariable(value, file.scopeManager)?.defs[0];
  if (!def) return false;
  if (def.type === 'Parameter') return def.node === owner;
  const loop = def.parent?.parent;
  return def.type === 'Variable' && !!loop && (loop.type === AST_NODE_TYPES.ForOfStatement || loop.type === AST_NODE_TYPES.ForInStatement) && loop.left === def.parent;
}

function sameKey(a: TSESTree.Node, b: TSESTree.Node, bInputs: ReadonlySet<VariableLike>, file: FileInput): boolean {
  const textOf = (node: TSESTree.Node): string => file.text.slice(node.range[0], node.range[1]).replace(/\s+/g, '');
  if (textOf(a) === textOf(b)) return true;
  for (const variable of inputVariables(a, file)) if (bInputs.has(variable)) return true;
  return false;
}

/**
 * The variables of an expression that carry a function's inputs: parameters, `arguments`, and
 * locals of a function (except loop variables over module constants, which fill registries).
 */
function inputVariables(expression: TSESTree.Node, file: FileInput): Set<VariableLike> {
  const out = new Set<VariableLike>();
  const stack: TSESTree.Node[] = [expression];
  let budget = 200;
  while (stack.length > 0 && budget-- > 0) {
    const node = stack.pop()!;
    if (node.type === AST_NODE_TYPES.Identifier) {
      const variable = resolveVariable(node, file.scopeManager);
      if (variable && isInputVariable(variable, file)) out.add(variable);
      continue;
    }
    if (isFunction(node)) continue;
    if (node.type === AST_NODE_TYPES.MemberExpression) {
      stack.push(node.object);
      if (node.computed) stack.push(node.property);
      continue;
    }
    if (node.type === AST_NODE_TYPES.Property) {
      if (node.computed) stack.push(node.key);
      stack.push(node.value);
      continue;
    }
    for (const key of file.visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child) if (item && typeof (item as TSESTree.Node).type === 'string') stack.push(item as TSESTree.Node);
      } else if (child && typeof (child as TSESTree.Node).type === 'string') {
        stack.push(child as TSESTree.Node);
      }
    }
  }
  return out;
}

function isInputVariable(variable: VariableLike, file: FileInput): boolean {
  const def = variable.defs[0];
  if (!def) return variable.name === 'arguments';
  if (def.type === 'Parameter') return true;
  if (def.type !== 'Variable' || !enclosingFunction(def.name)) return false;
  // for (const plugin of PLUGINS) registry.set(plugin.name, ...): a registry filled from a constant list.
  const declaration = def.parent;
  const loop = declaration?.parent;
  if (loop && (loop.type === AST_NODE_TYPES.ForOfStatement || loop.type === AST_NODE_TYPES.ForInStatement) && loop.left === declaration) {
    return !isModuleConstant(loop.right, file);
  }
  return true;
}

function isModuleConstant(node: TSESTree.Node, file: FileInput, depth = 0): boolean {
  if (depth > 4) return false;
  const value = unwrap(node);
  switch (value.type) {
    case AST_NODE_TYPES.ArrayExpression:
      return value.elements.every((element) => !element || element.type !== AST_NODE_TYPES.SpreadElement || isModuleConstant(element.argument, file, depth + 1));
    case AST_NODE_TYPES.Identifier: {
      const variable = resolveVariable(value, file.scopeManager);
      const def = variable?.defs[0];
      if (!def) return false;
      return (def.type === 'Variable' || def.type === 'ImportBinding') && !enclosingFunction(def.name);
    }
    case AST_NODE_TYPES.MemberExpression:
      return isModuleConstant(value.object, file, depth + 1);
    case AST_NODE_TYPES.CallExpression: {
      // Object.keys(CONFIG), Object.entries(ROUTES)
      const callee = unwrap(value.callee);
      return (
        callee.type === AST_NODE_TYPES.MemberExpression &&
        callee.object.type === AST_NODE_TYPES.Identifier &&
        callee.object.name === 'Object' &&
        value.arguments.length === 1 &&
        isModuleConstant(value.arguments[0]!, file, depth + 1)
      );
    }
    default:
      return false;
  }
}

/**
 * True for a module-private function every call of which, in this file, passes only constants
 * (`getLogger('db')`): its keys are a fixed set, so the store is a lazily filled registry.
 */
function calledOnlyWithConstants(fn: FunctionNode, file: FileInput): boolean {
  let id: TSESTree.Identifier | undefined;
  let declaration: TSESTree.Node | undefined;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) {
    id = fn.id;
    declaration = fn.parent;
  } else {
    const declarator = parentOf(fn);
    if (declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.id.type === AST_NODE_TYPES.Identifier && unwrap(declarator.init!) === fn) {
      id = declarator.id;
      declaration = declarator.parent?.parent;
    }
  }
  if (!id) return false;
  if (declaration?.type === AST_NODE_TYPES.ExportNamedDeclaration || declaration?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return false;
  const variable = resolveVariable(id, file.scopeManager);
  if (!variable) return false;
  const references = variable.references.filter((reference) => reference.identifier !== id);
  if (references.length === 0) return false;
  return references.every((reference) => {
    const call = parentOf(reference.identifier);
    if (call?.type !== AST_NODE_TYPES.CallExpression || unwrap(call.callee) !== reference.identifier) return false;
    return call.arguments.every((argument) => isConstantArgument(argument, file));
  });
}

function isConstantArgument(node: TSESTree.Node, file: FileInput): boolean {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.Literal) return true;
  if (staticValue(value, file) !== undefined) return true;
  return value.type === AST_NODE_TYPES.MemberExpression && isModuleConstant(value, file) && !value.computed;
}

/** True when a class can be reached from outside this file: exported, extended, handed to code elsewhere. */
function classEscapes(cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression, file: FileInput): boolean {
  const parent = parentOf(cls);
  if (parent?.type === AST_NODE_TYPES.ExportNamedDeclaration || parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return true;
  let declared: TSESTree.Node | undefined;
  if (cls.type === AST_NODE_TYPES.ClassDeclaration) declared = cls;
  else if (parent?.type === AST_NODE_TYPES.VariableDeclarator) declared = parent;
  if (!declared || !file.scopeManager) return true;
  const variable = file.scopeManager.getDeclaredVariables(declared)[0];
  if (!variable) return true;
  return variable.references.some((reference) => {
    const identifier = reference.identifier;
    if (cls.id && identifier === cls.id) return false;
    const use = parentOf(identifier);
    // `new Service()`, `Service.staticMethod()`: instances and statics, not the class itself, go elsewhere.
    if (use?.type === AST_NODE_TYPES.NewExpression && use.callee === identifier) return false;
    if (use?.type === AST_NODE_TYPES.MemberExpression && use.object === identifier) return false;
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// Option values

type OptionState = 'absent' | 'bounded' | 'unbounded';

/** Reads a bound-like option: absent, finite (or unknown: trusted), or `0`/`Infinity`/negative. */
function boundOption(options: TSESTree.ObjectExpression | undefined, name: string, file: FileInput, zeroIsUnbounded = true): OptionState {
  const property = findProperty(options, name);
  if (!property) return 'absent';
  const value = numberValue(property.value, file);
  if (value === undefined) return 'bounded';
  if (value === Infinity || value < 0 || (zeroIsUnbounded && value === 0)) return 'unbounded';
  return 'bounded';
}

function findProperty(options: TSESTree.ObjectExpression | undefined, name: string): TSESTree.Property | undefined {
  if (!options) return undefined;
  for (const property of options.properties) {
    if (property.type === AST_NODE_TYPES.Property && propertyKey(property) === name) return property;
  }
  return undefined;
}

function numberValue(node: TSESTree.Node, file: FileInput, depth = 0): number | undefined {
  if (depth > 4) return undefined;
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'number') return value.value;
  if (value.type === AST_NODE_TYPES.UnaryExpression && value.operator === '-') {
    const inner = numberValue(value.argument, file, depth + 1);
    return inner === undefined ? undefined : -inner;
  }
  if (isInfinity(value, file)) return Infinity;
  if (value.type === AST_NODE_TYPES.Identifier) {
    const init = constInitializer(value, file);
    return init ? numberValue(init, file, depth + 1) : undefined;
  }
  return undefined;
}

function isInfinity(node: TSESTree.Node, file: FileInput): boolean {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.Identifier && value.name === 'Infinity') {
    const variable = resolveVariable(value, file.scopeManager);
    return !variable || variable.defs.length === 0;
  }
  return (
    value.type === AST_NODE_TYPES.MemberExpression &&
    value.object.type === AST_NODE_TYPES.Identifier &&
    value.object.name === 'Number' &&
    memberName(value) === 'POSITIVE_INFINITY'
  );
}

function booleanOption(options: TSESTree.ObjectExpression | undefined, name: string): boolean | 'absent' | 'unknown' {
  const property = findProperty(options, name);
  if (!property) return 'absent';
  const value = unwrap(property.value);
  if (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'boolean') return value.value;
  return 'unknown';
}

/**
 * The options object at argument `position`: `null` when there is none, undefined when it is not
 * an object literal written in place or spreads something in (its content is unknown).
 */
function optionsAt(call: TSESTree.CallExpression | TSESTree.NewExpression, position: number): TSESTree.ObjectExpression | null | undefined {
  const argument = call.arguments[position];
  if (!argument) return null;
  const value = unwrap(argument);
  if (value.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  if (value.properties.some((property) => property.type === AST_NODE_TYPES.SpreadElement)) return undefined;
  return value;
}

/** A suggestion that adds `name: value` to the options at `position`, or none when that cannot be written. */
function addOptionSuggestion(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  position: number,
  property: string,
  messageId: NoUnboundedCacheMessageId,
  data: Record<string, string | number>,
  file: FileInput,
): Suggestions {
  const edits = addOption(call, position, property, file);
  return edits ? [{ messageId, data, edits }] : [];
}

function replaceSuggestion(node: TSESTree.Node, text: string, messageId: NoUnboundedCacheMessageId, data: Record<string, string | number>): Suggestions {
  const edits: TextEdit[] = [{ range: node.range, text }];
  return [{ messageId, data, edits }];
}

/** Whole-store sweeps: a library store that is cleared or purged somewhere is bounded by that. */
function hasSweep(site: StoreSite, methods: readonly string[]): boolean {
  return site.uses.some((use) => methods.includes(use.method) || (use.method === 'del' || use.method === 'delete' ? inLoopOrTimer(use) : false));
}

/** A per-key delete inside a loop or a timer callback is a sweep; elsewhere it is invalidation. */
function inLoopOrTimer(use: StoreUse): boolean {
  for (let node: TSESTree.Node | undefined = use.node.parent; node; node = node.parent) {
    switch (node.type) {
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
        return true;
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionExpression: {
        const call = parentOf(node);
        if (call?.type === AST_NODE_TYPES.CallExpression && call.arguments.includes(node as TSESTree.CallExpressionArgument)) {
          const callee = unwrap(call.callee);
          const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
          if (name === 'setInterval' || name === 'forEach' || name === 'schedule') return true;
        }
        break;
      }
      case AST_NODE_TYPES.FunctionDeclaration:
        return false;
      default:
        break;
    }
  }
  return false;
}

/**
 * True when the store lives as long as the process: a module-level binding, a static field, or
 * an instance field of a class whose instance is long-lived (created at module level in this file,
 * or a singleton by its DI decorator). Instances made per call (a per-request loader, a visitor)
 * take their caches with them.
 */
function isLongLived(site: StoreSite, file: FileInput): boolean {
  if (site.level === 'module') return true;
  if (site.level !== 'class' || site.binding.kind !== 'member') return false;
  return site.binding.isStatic || instanceLongLived(site.binding.cls, file);
}

/** DI decorators whose classes are singletons by default (NestJS, Angular, typedi, tsyringe). */
const SINGLETON_DECORATORS: ReadonlySet<string> = new Set(['Injectable', 'Service', 'Singleton', 'singleton', 'Controller', 'Resolver']);

const instanceCache = new WeakMap<TSESTree.Node, boolean>();

function instanceLongLived(cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression, file: FileInput): boolean {
  const cached = instanceCache.get(cls);
  if (cached !== undefined) return cached;
  const result = computeInstanceLongLived(cls, file);
  instanceCache.set(cls, result);
  return result;
}

function computeInstanceLongLived(cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression, file: FileInput): boolean {
  for (const decorator of cls.decorators ?? []) {
    const expression = unwrap(decorator.expression);
    const call = expression.type === AST_NODE_TYPES.CallExpression ? expression : undefined;
    const callee = call ? unwrap(call.callee) : expression;
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
    if (name === undefined || !SINGLETON_DECORATORS.has(name)) continue;
    // @Injectable({ scope: Scope.REQUEST }): one instance per request.
    const config = call?.arguments[0] ? unwrap(call.arguments[0]) : undefined;
    return !(config?.type === AST_NODE_TYPES.ObjectExpression && findProperty(config, 'scope'));
  }
  const parent = parentOf(cls);
  // export default new (class { ... })()
  if (parent?.type === AST_NODE_TYPES.NewExpression && parent.callee === cls) return !enclosingFunction(parent);
  let declared: TSESTree.Node | undefined;
  if (cls.type === AST_NODE_TYPES.ClassDeclaration) declared = cls;
  else if (parent?.type === AST_NODE_TYPES.VariableDeclarator) declared = parent;
  if (!declared || !file.scopeManager) return false;
  const variable = file.scopeManager.getDeclaredVariables(declared)[0];
  if (!variable) return false;
  return variable.references.some((reference) => {
    const use = parentOf(reference.identifier);
    return use?.type === AST_NODE_TYPES.NewExpression && use.callee === reference.identifier && !enclosingFunction(use);
  });
}

// ---------------------------------------------------------------------------------------------
// Memoizers

/** The memoized function's parameters when it is written in place or declared in this file. */
function memoizedParams(node: TSESTree.Node | undefined, file: FileInput): readonly TSESTree.Parameter[] | undefined {
  if (!node) return undefined;
  const value = unwrap(node);
  if (isFunction(value)) return value.params;
  if (value.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = resolveVariable(value, file.scopeManager);
  const def = variable?.defs[0];
  if (!def || variable!.defs.length !== 1) return undefined;
  if (def.type === 'FunctionName' && isFunction(def.node)) return def.node.params;
  if (def.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init) {
    const init = unwrap(def.node.init);
    if (isFunction(init)) return init.params;
  }
  return undefined;
}

/** A parameter whose declared type has few values (`boolean`, `'en' | 'fr'`, a local enum or alias of one): the keys it makes are bounded. */
function hasFiniteType(param: TSESTree.Parameter, file?: FileInput): boolean {
  const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  if (target.type !== AST_NODE_TYPES.Identifier || !target.typeAnnotation) return false;
  return isFiniteType(target.typeAnnotation.typeAnnotation, file, 0);
}

/**
 * A type with a handful of values: literals, `boolean`, unions of them, and (with the file) an
 * enum or a type alias of such a union declared in this file, or `keyof typeof TABLE`.
 */
function isFiniteType(type: TSESTree.TypeNode, file: FileInput | undefined, depth: number): boolean {
  switch (type.type) {
    case AST_NODE_TYPES.TSBooleanKeyword:
    case AST_NODE_TYPES.TSLiteralType:
    case AST_NODE_TYPES.TSUndefinedKeyword:
    case AST_NODE_TYPES.TSNullKeyword:
      return true;
    case AST_NODE_TYPES.TSUnionType:
      return type.types.every((t) => isFiniteType(t, file, depth));
    case AST_NODE_TYPES.TSTypeOperator:
      // keyof typeof TABLE: the keys of a constant object
      return type.operator === 'keyof' && type.typeAnnotation?.type === AST_NODE_TYPES.TSTypeQuery;
    case AST_NODE_TYPES.TSIndexedAccessType:
      // (typeof LOCALES)[number]: the elements of a constant tuple
      return type.objectType.type === AST_NODE_TYPES.TSTypeQuery;
    case AST_NODE_TYPES.TSTypeReference: {
      if (!file || depth > 3 || type.typeName.type !== AST_NODE_TYPES.Identifier) return false;
      const name = type.typeName.name;
      for (const statement of file.ast.body) {
        const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
        if (declaration?.type === AST_NODE_TYPES.TSEnumDeclaration && declaration.id.name === name) return true;
        if (declaration?.type === AST_NODE_TYPES.TSTypeAliasDeclaration && declaration.id.name === name) return isFiniteType(declaration.typeAnnotation, file, depth + 1);
      }
      return false;
    }
    default:
      return false;
  }
}

/** Code that runs in a browser tab (a React module, a `'use client'` file, a front-end folder): its process is the tab. */
function runsInBrowser(file: FileInput): boolean {
  const name = file.filename.replace(/\\/g, '/');
  if (/\.[jt]sx$/.test(name) || CLIENT_PATH.test(name)) return true;
  if (fileHasDirective(file.ast, 'use client')) return true;
  return getFileIndex(file).imports.some((declaration) => /^(?:react|react-dom|react-dom\/client|next\/navigation|next\/router|@tanstack\/react-query|swr)$/.test(declaration.source.value));
}

const CLIENT_PATH = /(?:^|\/)(?:front-?end|client|browser|components|hooks|pages\/(?!api\/))\//i;
/** One-off tools: importers, seeds, scripts, migrations, CLIs. */
const SHORT_LIVED_PATH = /(?:^|\/)(?:data-import|importers?|seeds?|scripts?|migrations?|cli|bin)\//i;

/**
 * Keys drawn from a fixed set: the Map's declared key type (`new Map<Locale, T>()`, a field typed
 * `Map<Currency, Rate>` or `Record<Locale, T>`) is finite, or the key is a parameter of a finite
 * type, or the miss path first checks the key against a constant table of this file
 * (`if (!SUPPORTED.includes(code)) throw ...`, `if (!(k in RATES)) return`).
 */
function fixedKeySet(site: StoreSite, write: StoreUse, file: FileInput): boolean {
  const keyType = declaredKeyType(site);
  if (keyType && (isFiniteType(keyType, file, 0) || isClosedImportedType(keyType, file))) return true;
  const key = write.args[0];
  if (!key || !write.fn) return false;
  const keyNode = unwrap(key);
  if (keyNode.type === AST_NODE_TYPES.Identifier) {
    const def = resolveVariable(keyNode, file.scopeManager)?.defs[0];
    if (def?.type === 'Parameter' && isFunction(def.node)) {
      const param = def.node.params.find((p) => (p.type === AST_NODE_TYPES.AssignmentPattern ? p.left : p) === def.name);
      if (param && hasFiniteType(param, file)) return true;
    }
  }
  return guardedByConstantTable(write.fn, keyNode, write.node.range[0], site.binding.kind === 'anonymous' ? '' : site.binding.name, file);
}

/**
 * A key type that names a closed set this file cannot enumerate: a type imported from another
 * module (an enum or a union of literals: `BulkPublishTargetType`), or classes as keys
 * (`Type<Event>`, `Function`, `abstract new () => T`): registries of what the code defines.
 */
function isClosedImportedType(type: TSESTree.TypeNode, file: FileInput): boolean {
  if (type.type === AST_NODE_TYPES.TSConstructorType) return true;
  if (type.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return false;
  const name = type.typeName.name;
  if (name === 'Function' || name === 'Type' || name === 'Constructor' || name === 'Class') return true;
  return getFileIndex(file).imports.some((declaration) =>
    declaration.specifiers.some((specifier) => specifier.local.name === name && !/(?:Id|ID|Key|Url|URL|Token|Path|Name|String|Hash)$/.test(name)),
  );
}

function declaredKeyType(site: StoreSite): TSESTree.TypeNode | undefined {
  const fromArgs = (node: TSESTree.Node | undefined): TSESTree.TypeNode | undefined => {
    if (node?.type !== AST_NODE_TYPES.NewExpression) return undefined;
    return node.typeArguments?.params[0];
  };
  const creationType = fromArgs(site.creation);
  if (creationType) return creationType;
  const node = site.node;
  const annotation =
    node.type === AST_NODE_TYPES.PropertyDefinition
      ? node.typeAnnotation?.typeAnnotation
      : node.type === AST_NODE_TYPES.VariableDeclarator && node.id.type === AST_NODE_TYPES.Identifier
        ? node.id.typeAnnotation?.typeAnnotation
        : undefined;
  if (annotation?.type !== AST_NODE_TYPES.TSTypeReference || annotation.typeName.type !== AST_NODE_TYPES.Identifier) return undefined;
  if (!['Map', 'Record', 'Partial'].includes(annotation.typeName.name)) return undefined;
  const first = annotation.typeArguments?.params[0];
  // Partial<Record<K, V>>
  if (annotation.typeName.name === 'Partial') {
    return first?.type === AST_NODE_TYPES.TSTypeReference && first.typeName.type === AST_NODE_TYPES.Identifier && first.typeName.name === 'Record' ? first.typeArguments?.params[0] : undefined;
  }
  return first;
}

/** An `if` before `before` in `fn` whose test looks the key up in a module constant (`TABLE[k]`, `k in TABLE`, `LIST.includes(k)`). */
function guardedByConstantTable(fn: FunctionNode, key: TSESTree.Node, before: number, cacheName: string, file: FileInput): boolean {
  const keyText = file.text.slice(key.range[0], key.range[1]);
  if (!/^[\w$.]+$/.test(keyText) || fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  for (const statement of fn.body.body) {
    if (statement.range[0] >= before) break;
    if (statement.type !== AST_NODE_TYPES.IfStatement) continue;
    const test = file.text.slice(statement.test.range[0], statement.test.range[1]);
    const table = new RegExp(`([A-Za-z_$][\\w$]*)(?:\\[\\s*${escapeRegExp(keyText)}\\s*\\]|\\.(?:includes|has|hasOwnProperty)\\(\\s*${escapeRegExp(keyText)}\\s*\\))|${escapeRegExp(keyText)}\\s+in\\s+([A-Za-z_$][\\w$]*)`).exec(test);
    const name = table?.[1] ?? table?.[2];
    if (name && name !== cacheName && resolveInModule(name, file)) return true;
  }
  return false;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A module-level `const NAME = <literal object, array or Set of literals>` of this file. */
function resolveInModule(name: string, file: FileInput): boolean {
  for (const statement of file.ast.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration || declaration.kind !== 'const') continue;
    for (const declarator of declaration.declarations) {
      if (declarator.id.type !== AST_NODE_TYPES.Identifier || declarator.id.name !== name || !declarator.init) continue;
      const init = unwrap(declarator.init);
      // A table with entries (an empty one is a store being filled, maybe the cache itself).
      if (init.type === AST_NODE_TYPES.ObjectExpression) return init.properties.length > 0;
      if (init.type === AST_NODE_TYPES.ArrayExpression) return init.elements.length > 0;
      if (init.type === AST_NODE_TYPES.NewExpression && init.callee.type === AST_NODE_TYPES.Identifier && init.callee.name === 'Set') {
        const items = init.arguments[0];
        return items?.type === AST_NODE_TYPES.ArrayExpression && items.elements.length > 0;
      }
    }
  }
  return false;
}

/** True when a memoizer can only ever hold a handful of keys: no parameters, or only finite-typed ones. */
function fewKeys(params: readonly TSESTree.Parameter[] | undefined, keyedParams: number): boolean {
  if (!params) return false;
  if (params.some((param) => param.type === AST_NODE_TYPES.RestElement)) return false;
  return params.slice(0, keyedParams).every((param) => hasFiniteType(param));
}

function calleeText(call: TSESTree.CallExpression | TSESTree.NewExpression, file: FileInput): string {
  return file.text.slice(call.callee.range[0], call.callee.range[1]);
}

function checkLodash(site: StoreSite, { file, report }: Context): void {
  const call = site.creation;
  if (!call || call.type !== AST_NODE_TYPES.CallExpression || !isLongLived(site, file)) return;
  // `_.memoize.Cache = LRU` swaps the cache class for every memoized function.
  if (file.text.includes('memoize.Cache')) return;
  // `fn.cache = new LRUCache(...)`, `fn.cache.clear()`: the cache is managed.
  const managed = site.uses.some((use) => {
    if (use.method === 'cache.clear') return true;
    if (use.method !== 'cache') return false;
    const parent = parentOf(use.node);
    return parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === use.node;
  });
  if (managed) return;
  const resolver = call.arguments[1];
  const resolverParams = memoizedParams(resolver, file);
  if (resolverParams && resolverParams.length === 0) return;
  // Without a resolver the key is the first argument.
  if (!resolver && fewKeys(memoizedParams(call.arguments[0], file), 1)) return;
  report({ messageId: 'lodashMemoize', data: { callee: calleeText(call, file) }, node: call });
}

function checkMemoizee(site: StoreSite, { file, options, report }: Context): void {
  const call = site.creation;
  if (!call || call.type !== AST_NODE_TYPES.CallExpression || !isLongLived(site, file)) return;
  if (site.origin?.source === 'memoizee/weak') return;
  const config = optionsAt(call, 1);
  if (config === undefined) return;
  const object = config ?? undefined;
  if (boundOption(object, 'max', file) === 'bounded') return;
  if (boundOption(object, 'maxAge', file) === 'bounded') return;
  const length = findProperty(object, 'length');
  const params = memoizedParams(call.arguments[0], file);
  if (length) {
    const value = numberValue(length.value, file);
    if (value === undefined || value === 0) return;
    if (fewKeys(params, value)) return;
  } else if (fewKeys(params, params?.length ?? 0)) {
    return;
  }
  if (hasSweep(site, ['clear'])) return;
  const max = options.defaultMax;
  const existing = findProperty(object, 'max');
  const suggest = existing
    ? replaceSuggestion(existing.value, String(max), 'addMax', { max })
    : addOptionSuggestion(call, 1, `max: ${max}`, 'addMax', { max }, file);
  report({ messageId: 'memoizeeNoMax', node: call, suggestions: suggest });
}

function checkMoize(site: StoreSite, { file, options, report }: Context): void {
  const call = site.creation;
  if (!call || call.type !== AST_NODE_TYPES.CallExpression || !isLongLived(site, file)) return;
  const callee = unwrap(call.callee);
  // moize.maxSize(5)(fn): the configuring inner call is judged, not the outer one.
  if (callee.type === AST_NODE_TYPES.CallExpression) return;
  const origin = originOf(callee, file);
  if (!origin || origin.source !== 'moize') return;
  const path = origin.path[0] === 'moize' ? origin.path.slice(1) : origin.path;
  if (hasSweep(site, ['clear'])) return;
  const max = options.defaultMax;
  const objects = call.arguments.map((argument) => unwrap(argument)).filter((argument): argument is TSESTree.ObjectExpression => argument.type === AST_NODE_TYPES.ObjectExpression);
  if (objects.some((object) => object.properties.some((property) => property.type === AST_NODE_TYPES.SpreadElement))) return;
  const maxAge = objects.some((object) => boundOption(object, 'maxAge', file) === 'bounded');
  const fn = call.arguments.find((argument) => argument.type !== AST_NODE_TYPES.ObjectExpression);
  const params = fn ? memoizedParams(fn, file) : undefined;
  if (params && params.length === 0) return;
  if (path.includes('infinite')) {
    if (maxAge || objects.some((object) => boundOption(object, 'maxSize', file) === 'bounded')) return;
    let suggestions: Suggestions = [];
    if (path.length === 1 && callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed) {
      const replacement = `maxSize(${max})`;
      suggestions = replaceSuggestion(callee.property, replacement, 'useMaxSize', { replacement: `${file.text.slice(callee.object.range[0], callee.object.range[1])}.${replacement}` });
    }
    report({ messageId: 'moizeInfinite', data: { shape: calleeText(call, file) }, node: call, suggestions });
    return;
  }
  if (path.length === 1 && path[0] === 'maxSize') {
    const argument = call.arguments[0];
    if (argument && isInfinity(argument, file)) {
      report({
        messageId: 'moizeInfinite',
        data: { shape: `${calleeText(call, file)}(Infinity)` },
        node: call,
        suggestions: replaceSuggestion(argument, String(max), 'finiteValue', { value: max }),
      });
    }
    return;
  }
  if (maxAge) return;
  for (const object of objects) {
    const property = findProperty(object, 'maxSize');
    if (!property || !isInfinity(property.value, file)) continue;
    report({
      messageId: 'moizeInfinite',
      data: { shape: 'maxSize: Infinity' },
      node: property,
      suggestions: replaceSuggestion(property.value, String(max), 'finiteValue', { value: max }),
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Containers from libraries

function checkNodeCache(site: StoreSite, { file, options, report }: Context): void {
  const creation = site.creation;
  if (!creation || creation.type !== AST_NODE_TYPES.NewExpression || !isLongLived(site, file)) return;
  const config = optionsAt(creation, 0);
  if (config === undefined) return;
  const object = config ?? undefined;
  // stdTTL: 0 means "never expires"; maxKeys: -1 means "no limit" (0 refuses every entry: bounded).
  if (boundOption(object, 'stdTTL', file) === 'bounded') return;
  if (boundOption(object, 'maxKeys', file, false) === 'bounded') return;
  if (hasSweep(site, ['flushAll', 'close'])) return;
  // Entries set with their own TTL (`cache.set(key, value, 600)`) expire.
  const unbounded = site.uses.find((use) => {
    if (use.method !== 'set') return false;
    const ttl = use.args[2];
    if (!ttl) return true;
    return numberValue(ttl, file) === 0;
  });
  if (!unbounded) return;
  const ttl = options.defaultTtlSeconds;
  const existing = findProperty(object, 'stdTTL');
  const suggestions = existing
    ? replaceSuggestion(existing.value, String(ttl), 'addStdTtl', { ttl })
    : addOptionSuggestion(creation, 0, `stdTTL: ${ttl}`, 'addStdTtl', { ttl }, file);
  report({ messageId: 'nodeCacheNoTtl', data: { line: unbounded.node.loc.start.line }, node: creation, suggestions });
}

function checkLru(site: StoreSite, { file, options, report }: Context): void {
  const creation = site.creation;
  if (!creation || creation.type !== AST_NODE_TYPES.NewExpression) return;
  const first = creation.arguments[0];
  // new LRU(500): v6's positional max.
  if (first && numberValue(first, file) !== undefined) return;
  const config = optionsAt(creation, 0);
  if (config === undefined) return;
  const object = config ?? undefined;
  const major = options.lruCacheMajor ?? dependencyMajor(file.filename, 'lru-cache');
  const max = options.defaultMax;
  const maxState = boundOption(object, 'max', file);
  const maxSizeState = boundOption(object, 'maxSize', file);
  const sized = maxState === 'bounded' || maxSizeState === 'bounded';
  if (sized) return;
  const maxProperty = findProperty(object, 'max');
  const suggestions = maxProperty
    ? replaceSuggestion(maxProperty.value, String(max), 'addMax', { max })
    : addOptionSuggestion(creation, 0, `max: ${max}`, 'addMax', { max }, file);
  if (major !== undefined && major <= 6) {
    // v6: `maxAge` is lazy; `max` defaults to Infinity.
    if (!isLongLived(site, file) || hasSweep(site, ['reset', 'prune'])) return;
    if (boundOption(object, 'maxAge', file) === 'bounded') {
      report({ messageId: 'lruTtlOnly', data: { option: 'maxAge' }, node: creation, suggestions });
    } else {
      report({ messageId: 'lruUnbounded', data: { major }, node: creation, suggestions });
    }
    return;
  }
  // v7+: `maxAge` was v7's deprecated spelling of `ttl`.
  const ttlName = boundOption(object, 'ttl', file) === 'bounded' ? 'ttl' : major === 7 || major === undefined ? (boundOption(object, 'maxAge', file) === 'bounded' ? 'maxAge' : undefined) : undefined;
  if (!ttlName) {
    report({ messageId: 'lruThrows', node: creation, suggestions });
    return;
  }
  if (booleanOption(object, 'ttlAutopurge') !== 'absent' && booleanOption(object, 'ttlAutopurge') !== false) return;
  if (!isLongLived(site, file) || hasSweep(site, ['clear', 'reset', 'purgeStale', 'prune'])) return;
  report({ messageId: 'lruTtlOnly', data: { option: ttlName }, node: creation, suggestions });
}

function checkQuickLru(site: StoreSite, { file, options, report }: Context): void {
  const creation = site.creation;
  if (!creation || creation.type !== AST_NODE_TYPES.NewExpression) return;
  const config = optionsAt(creation, 0);
  if (config === undefined) return;
  const object = config ?? undefined;
  const max = options.defaultMax;
  const property = findProperty(object, 'maxSize');
  const state = boundOption(object, 'maxSize', file);
  if (state === 'bounded') return;
  if (property && isInfinity(property.value, file)) {
    if (!isLongLived(site, file) || hasSweep(site, ['clear'])) return;
    report({
      messageId: 'infiniteOption',
      data: { option: 'maxSize', library: 'quick-lru' },
      node: property,
      suggestions: replaceSuggestion(property.value, String(max), 'finiteValue', { value: max }),
    });
    return;
  }
  const suggestions = property
    ? replaceSuggestion(property.value, String(max), 'addMaxSize', { max })
    : addOptionSuggestion(creation, 0, `maxSize: ${max}`, 'addMaxSize', { max }, file);
  report({ messageId: 'quickLruNoMaxSize', node: creation, suggestions });
}

// ---------------------------------------------------------------------------------------------
// TanStack Query

const QUERY_SOURCE = /^@tanstack\/[\w-]*query[\w-]*$|^react-query$/;

function checkTanstack({ file, options, report }: Context): void {
  for (const property of getFileIndex(file).properties) {
    const name = propertyKey(property);
    if ((name !== 'gcTime' && name !== 'cacheTime') || !isInfinity(property.value, file)) continue;
    if (!inQueryCall(property, file)) continue;
    const seconds = options.defaultTtlSeconds;
    const value = seconds % 60 === 0 ? `${seconds / 60} * 60 * 1000` : `${seconds} * 1000`;
    report({
      messageId: 'infiniteGcTime',
      data: { option: name },
      node: property,
      suggestions: replaceSuggestion(property.value, value, 'finiteValue', { value }),
    });
  }
}

/** True when the property sits, through nested literals only, in the options of a TanStack Query call. */
function inQueryCall(property: TSESTree.Property, file: FileInput): boolean {
  let node: TSESTree.Node = property.parent as TSESTree.Node;
  for (let depth = 0; depth < 6; depth++) {
    const parent = parentOf(node);
    if (!parent) return false;
    if (parent.type === AST_NODE_TYPES.Property && unwrap(parent.value) === unwrap(node)) {
      node = parent.parent as TSESTree.Node;
      continue;
    }
    if (parent.type === AST_NODE_TYPES.ArrayExpression) {
      node = parent;
      continue;
    }
    if ((parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) && parent.arguments.some((argument) => unwrap(argument) === unwrap(node))) {
      const callee = unwrap(parent.callee);
      const origin = originOf(callee, file);
      if (origin?.via === 'ref' && QUERY_SOURCE.test(origin.source)) return true;
      // queryClient.prefetchQuery({...}) on `new QueryClient()` or `useQueryClient()`.
      if (callee.type === AST_NODE_TYPES.MemberExpression) {
        const receiver = originOf(callee.object, file);
        return !!receiver && (receiver.via === 'new' || receiver.via === 'call') && QUERY_SOURCE.test(receiver.source);
      }
      return false;
    }
    return false;
  }
  return false;
}
