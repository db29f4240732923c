import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { enclosingFunction, isFunction, memberName, parentOf, propertyKey, resolveVariable, unwrap } from '../ast.js';
import { contains, getFileIndex, memoPerFile, type FileIndex, type FunctionNode } from '../analysis/file-index.js';
import { isOrigin, originOf, originOfType, requireSource, type Origin } from '../analysis/origins.js';
import type { FileInput, VariableLike } from '../model.js';
import { STORE_KIND, STORE_MODULES, STORE_SOURCES, type StoreKind, type StoreLibrary } from './catalog.js';

/** Where a store's value lives, which decides how its uses are found. */
export type StoreBinding =
  | { readonly kind: 'variable'; readonly name: string; readonly id: TSESTree.Identifier; readonly exported: boolean }
  | {
      readonly kind: 'member';
      readonly name: string;
      readonly cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression;
      readonly isPrivate: boolean;
      readonly isStatic: boolean;
    }
  | { readonly kind: 'anonymous' };

/** One use of a store: a method call (`cache.get(k)`), a property read (`cache.size`), an index access. */
export interface StoreUse {
  /** The method or property name; `()` when a memoized function is called; `[]`/`[]=` for object-cache reads/writes; `=` for a reassignment. */
  readonly method: string;
  readonly call: TSESTree.CallExpression | undefined;
  /** The expression naming the store at this use (`cache`, `this.cache`). */
  readonly receiver: TSESTree.Node;
  /** The whole use (the call, the member expression, the assignment). */
  readonly node: TSESTree.Node;
  readonly args: readonly TSESTree.Node[];
  readonly fn: FunctionNode | undefined;
  /** `pipeline` for commands queued on `redis.pipeline()`/`multi()`. */
  readonly via: 'direct' | 'pipeline';
}

/** A cache store found in the file, with every use the file shows. */
export interface StoreSite {
  readonly library: StoreLibrary;
  readonly kind: StoreKind;
  /** The creation (`new LRUCache(...)`, `memoize(fn)`), or the typed declaration of an injected store. */
  readonly node: TSESTree.Node;
  readonly creation: TSESTree.NewExpression | TSESTree.CallExpression | undefined;
  readonly origin: Origin | undefined;
  /** `created` here, or `injected` (a typed parameter or property: created elsewhere). */
  readonly provenance: 'created' | 'injected';
  readonly binding: StoreBinding;
  /** `module`: lives as long as the process; `class`: as long as the instance; `function`: per call. */
  readonly level: 'module' | 'class' | 'function';
  readonly uses: StoreUse[];
  /** Places the store leaves this file's sight: passed to a call, returned, exported, stored elsewhere. */
  readonly escapes: TSESTree.Node[];
}

/** All stores of one file. */
export interface StoreAnalysis {
  readonly stores: readonly StoreSite[];
}

const KEY = {};
const EMPTY: StoreAnalysis = { stores: [] };

/** What kinds of store a file's text may hold (bits of `storeTextFlags`). */
export const STORE_TEXT = {
  /** `new Map`. */
  map: 1,
  /** `Object.create(null)`. */
  nullPrototype: 2,
  /** A store module named in quotes (an import or require of lru-cache, ioredis, ...). */
  module: 4,
  /** A module-level or class-field `= {}`. */
  object: 8,
} as const;

/**
 * The text-only evidence for stores, computed once per file text and shared by every store rule
 * (each asks it of the same text in a row). Zero means no store analysis can find anything.
 */
export function storeTextFlags(text: string): number {
  if (text === lastStoreText) return lastStoreFlags;
  lastStoreText = text;
  lastStoreFlags =
    (text.includes('Map') && NEW_MAP.test(text) ? STORE_TEXT.map : 0) |
    // `(null)` first: a rarer first character makes V8's search several times faster.
    (text.includes('(null)') && text.includes('create(null)') ? STORE_TEXT.nullPrototype : 0) |
    // A store module named in an import or require: quoted, not as a substring of another word.
    (STORE_MODULE.test(text) ? STORE_TEXT.module : 0) |
    (objectCacheDeclared(text) ? STORE_TEXT.object : 0);
  return lastStoreFlags;
}

/** True when the text may hold a store at all: a store module is named, or a `Map`/`{}` could be one. */
export function mayHaveStores(text: string): boolean {
  return storeTextFlags(text) !== 0;
}

/** True when the text may hold a store made by a store library (Redis clients, cache-manager, keyv, ...). */
export function mayHaveLibraryStores(text: string): boolean {
  return (storeTextFlags(text) & STORE_TEXT.module) !== 0;
}

const EMPTY_OBJECTS = ['{}', '{ }', 'Object.create(null)'];

/**
 * True when some line declares an object cache (`OBJECT_CACHE`). Instead of running that
 * multi-line expression over the whole file (which has `{}` in nearly every React file), only
 * the lines of an empty object literal that directly follows `=` are tested, with the line
 * before for `const cache =⏎ {}`: measured 6 ms instead of 36 ms over the 17 MB corpus.
 */
function objectCacheDeclared(text: string): boolean {
  for (const needle of EMPTY_OBJECTS) {
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) {
      let before = at - 1;
      while (before >= 0 && isSpace(text.charCodeAt(before))) before--;
      if (before < 0 || text.charCodeAt(before) !== 61 /* = */) continue;
      const lineStart = text.lastIndexOf('\n', at - 1);
      const previousLineStart = lineStart > 0 ? text.lastIndexOf('\n', lineStart - 1) : -1;
      const lineEnd = text.indexOf('\n', at + needle.length);
      if (OBJECT_CACHE.test(text.slice(previousLineStart + 1, lineEnd === -1 ? text.length : lineEnd))) return true;
    }
  }
  return false;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** One pass over the text for every store module's quoted name (measured: ~10x cheaper than one `includes` per module). */
const STORE_MODULE = new RegExp(`['"](?:${STORE_MODULES.map((source) => source.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})['"]`);

/** `new Map(` as the analysis recognises it (a `Map` type annotation alone holds no store). */
const NEW_MAP = /\bnew\s+Map\b/;

/**
 * A module-level declaration (unindented) or a class field with a modifier or a type, set to
 * `{}`: the only object caches the analysis looks at. Indented `const x = {}` in functions is not.
 */
const OBJECT_CACHE =
  /^(?:export\s+)?(?:const|let|var)\s+[\w$]+(?:\s*:\s*[^=\n;]+)?\s*=\s*(?:\{\s*\}|Object\.create\(null\))|^[ \t]+(?:(?:(?:private|protected|public|static|readonly)\s+)+#?[\w$]+(?:\s*:\s*[^=\n;]+)?|#?[\w$]+\s*:\s*[^=\n;]+)\s*=\s*(?:\{\s*\}|Object\.create\(null\))/m;
let lastStoreText: string | undefined;
let lastStoreFlags = 0;

/** The file's stores, computed once per AST and shared by every rule. */
export function getStoreAnalysis(file: FileInput): StoreAnalysis {
  return memoPerFile(KEY, file.ast, () => {
    if (!mayHaveStores(file.text)) return EMPTY;
    return analyse(file, getFileIndex(file));
  });
}

function analyse(file: FileInput, index: FileIndex): StoreAnalysis {
  const stores: StoreSite[] = [];
  const seen = new Set<TSESTree.Node>();
  const add = (site: StoreSite | undefined): void => {
    if (!site || seen.has(site.node)) return;
    seen.add(site.node);
    stores.push(site);
  };
  // Library stores come only from imports and requires of a store module (always quoted, which
  // the shared text flags record): a file that names none of them can only hold `Map` and object
  // caches, so its calls need no origin lookups.
  const libraries = mayHaveLibraryStores(file.text);
  // Names that can reach a store module (imports, requires, `const` aliases of them): a creation
  // rooted at any other name has no store origin, so it needs no origin lookup.
  const bound = libraries ? storeBoundNames(file, index) : undefined;
  const candidate = (node: TSESTree.NewExpression | TSESTree.CallExpression): boolean => {
    const root = creationRoot(node.callee);
    return root === undefined || bound!.has(root);
  };
  for (const expression of index.news) {
    if (!isMapConstruction(expression) && (!libraries || !candidate(expression))) continue;
    const library = libraryOfCreation(expression, file);
    if (library) add(siteOf(expression, library, file, index));
  }
  for (const call of libraries ? index.calls : []) {
    if (!candidate(call)) continue;
    const library = libraryOfCreation(call, file);
    if (library) add(siteOf(call, library, file, index));
  }
  for (const declaration of libraries ? index.imports : []) {
    for (const specifier of declaration.specifiers) {
      if (specifier.type !== AST_NODE_TYPES.ImportSpecifier) continue;
      const origin = originOf(specifier.local, file);
      const entry = origin && STORE_SOURCES.find((s) => s.via === 'ref' && isOrigin(origin, s.source, s.path, 'ref'));
      if (entry) add(variableSite(specifier.local, entry.library, specifier, undefined, origin, 'injected', 'module', file));
    }
  }
  for (const cls of libraries ? index.classes : []) addInjectedMembers(cls, file, index, add);
  addObjectCaches(file, index, add);
  return { stores };
}

// ---------------------------------------------------------------------------------------------
// Finding stores

const STORE_MODULE_SET: ReadonlySet<string> = new Set(STORE_MODULES);

/**
 * The name at the root of a creation's callee (`redis` in `redis.createClient()`, `moize` in
 * `moize.maxSize(5)(fn)`), following what `originOf` follows; undefined when the root is not a
 * plain identifier (`require('ioredis')`, a `this` member), which callers must not skip.
 */
function creationRoot(callee: TSESTree.Node): string | undefined {
  let node = unwrap(callee);
  for (;;) {
    if (node.type === AST_NODE_TYPES.MemberExpression) node = unwrap(node.object);
    else if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) {
      if (requireSource(node) !== undefined) return undefined;
      node = unwrap(node.callee);
    } else return node.type === AST_NODE_TYPES.Identifier ? node.name : undefined;
  }
}

/**
 * Every local name whose value `originOf` could trace to a store module: import bindings of one,
 * variables initialised from `require()` of one, and, transitively, `const` aliases and
 * destructurings of those (found through the scope's references, as `originOf` follows them).
 * A superset by name (shadowing is ignored), so filtering by it never drops a real store.
 */
function storeBoundNames(file: FileInput, index: FileIndex): Set<string> {
  const names = new Set<string>();
  const pending: TSESTree.Identifier[] = [];
  const addPattern = (pattern: TSESTree.Node): void => {
    if (pattern.type === AST_NODE_TYPES.Identifier) {
      if (!names.has(pattern.name)) {
        names.add(pattern.name);
        pending.push(pattern);
      }
    } else if (pattern.type === AST_NODE_TYPES.ObjectPattern) {
      for (const property of pattern.properties) addPattern(property.type === AST_NODE_TYPES.Property ? property.value : property.argument);
    } else if (pattern.type === AST_NODE_TYPES.AssignmentPattern) addPattern(pattern.left);
    else if (pattern.type === AST_NODE_TYPES.ArrayPattern) for (const element of pattern.elements) if (element) addPattern(element);
  };
  // The declarator that receives `node` as (part of) its initialiser, through members and calls.
  const receiver = (node: TSESTree.Node): TSESTree.VariableDeclarator | undefined => {
    let current: TSESTree.Node = node;
    for (;;) {
      const parent = parentOf(current);
      if (!parent) return undefined;
      if (
        (parent.type === AST_NODE_TYPES.MemberExpression && unwrap(parent.object) === current) ||
        ((parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) && unwrap(parent.callee) === current)
      ) {
        current = parent;
        continue;
      }
      return parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init && unwrap(parent.init) === current ? parent : undefined;
    }
  };
  for (const declaration of index.imports) {
    if (!STORE_MODULE_SET.has(declaration.source.value)) continue;
    for (const specifier of declaration.specifiers) addPattern(specifier.local);
  }
  for (const call of index.calls) {
    const source = requireSource(call);
    if (source === undefined || !STORE_MODULE_SET.has(source)) continue;
    const declarator = receiver(call);
    if (declarator) addPattern(declarator.id);
  }
  while (pending.length > 0) {
    const variable = resolveVariable(pending.pop()!, file.scopeManager);
    for (const reference of variable?.references ?? []) {
      const declarator = receiver(reference.identifier as TSESTree.Node);
      if (declarator) addPattern(declarator.id);
    }
  }
  return names;
}

function isMapConstruction(node: TSESTree.NewExpression): boolean {
  const callee = unwrap(node.callee);
  return callee.type === AST_NODE_TYPES.Identifier && callee.name === 'Map';
}

function libraryOfCreation(node: TSESTree.NewExpression | TSESTree.CallExpression, file: FileInput): StoreLibrary | undefined {
  const callee = unwrap(node.callee);
  if (node.type === AST_NODE_TYPES.NewExpression && callee.type === AST_NODE_TYPES.Identifier && callee.name === 'Map') {
    const variable = resolveVariable(callee, file.scopeManager);
    return !variable || variable.defs.length === 0 ? 'map' : undefined;
  }
  // moize.maxSize(5)(fn), moize.infinite(fn), moize.promise(fn): any call rooted at moize.
  if (node.type === AST_NODE_TYPES.CallExpression && callee.type === AST_NODE_TYPES.CallExpression) {
    const inner = originOf(callee.callee, file);
    if (inner?.source === 'moize' && inner.via === 'ref') return 'moize';
    return undefined;
  }
  const origin = originOf(callee, file);
  if (!origin || origin.via !== 'ref') return undefined;
  const via = node.type === AST_NODE_TYPES.NewExpression ? 'new' : 'call';
  if (origin.source === 'moize' && via === 'call') return 'moize';
  const entry = STORE_SOURCES.find((s) => s.via === via && isOrigin(origin, s.source, s.path, 'ref'));
  return entry?.library;
}

/** Where a creation is stored: `const x = ...`, a class field, `this.x = ...`, or nowhere we can follow. */
function siteOf(
  creation: TSESTree.NewExpression | TSESTree.CallExpression,
  library: StoreLibrary,
  file: FileInput,
  index: FileIndex,
): StoreSite | undefined {
  const origin = originOf(creation, file);
  let holder: TSESTree.Node = creation;
  let parent = parentOf(holder);
  // `await caching('memory', ...)` (cache-manager v5) and `(async () => ...)()` are followed through.
  while (parent?.type === AST_NODE_TYPES.AwaitExpression) {
    holder = parent;
    parent = parentOf(holder);
  }
  // `await createClient().on('error', log).connect()` (node-redis v4+), `new Redis().on(...)`: these hand back the client.
  while (STORE_KIND[library] === 'remote' && parent?.type === AST_NODE_TYPES.MemberExpression && unwrap(parent.object) === unwrap(holder)) {
    const name = memberName(parent);
    const call = parentOf(parent);
    const chains = name === 'on' || name === 'once' || (name === 'connect' && library === 'node-redis');
    if (!chains || call?.type !== AST_NODE_TYPES.CallExpression || unwrap(call.callee) !== parent) break;
    holder = call;
    parent = parentOf(holder);
    while (parent?.type === AST_NODE_TYPES.AwaitExpression) {
      holder = parent;
      parent = parentOf(holder);
    }
  }
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier && unwrap(parent.init!) === unwrap(holder)) {
    const level = enclosingFunction(parent) ? 'function' : 'module';
    return variableSite(parent.id, library, creation, creation, origin, 'created', level, file);
  }
  if (parent?.type === AST_NODE_TYPES.PropertyDefinition && parent.value && unwrap(parent.value) === unwrap(holder)) {
    const cls = parent.parent.parent as TSESTree.ClassDeclaration | TSESTree.ClassExpression;
    const name = parent.key.type === AST_NODE_TYPES.PrivateIdentifier ? `#${parent.key.name}` : propertyKey(parent);
    if (name === undefined) return undefined;
    const isPrivate = parent.key.type === AST_NODE_TYPES.PrivateIdentifier || parent.accessibility === 'private';
    return memberSite(cls, name, isPrivate, parent.static, library, creation, creation, origin, 'created', file, index);
  }
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && unwrap(parent.right) === unwrap(holder)) {
    const left = unwrap(parent.left);
    if (left.type === AST_NODE_TYPES.MemberExpression && left.object.type === AST_NODE_TYPES.ThisExpression) {
      const cls = enclosingClass(left);
      const name = left.property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${left.property.name}` : memberName(left);
      if (!cls || name === undefined) return undefined;
      const field = fieldOf(cls, name);
      const isPrivate = name.startsWith('#') || field?.accessibility === 'private';
      return memberSite(cls, name, isPrivate, false, library, creation, creation, origin, 'created', file, index);
    }
    if (left.type === AST_NODE_TYPES.Identifier) {
      const variable = resolveVariable(left, file.scopeManager);
      const def = variable?.defs[0];
      if (def?.type === 'Variable' && def.name.type === AST_NODE_TYPES.Identifier) {
        const level = enclosingFunction(def.name) ? 'function' : 'module';
        return variableSite(def.name, library, creation, creation, origin, 'created', level, file);
      }
    }
  }
  // export default memoize(...), passed directly as an argument, returned: no binding to follow.
  return {
    library,
    kind: STORE_KIND[library],
    node: creation,
    creation,
    origin,
    provenance: 'created',
    binding: { kind: 'anonymous' },
    level: enclosingFunction(creation) ? 'function' : 'module',
    uses: [],
    escapes: [creation],
  };
}

function enclosingClass(node: TSESTree.Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassDeclaration || current.type === AST_NODE_TYPES.ClassExpression) return current;
  }
  return undefined;
}

function fieldOf(cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression, name: string): TSESTree.PropertyDefinition | undefined {
  for (const element of cls.body.body) {
    if (element.type === AST_NODE_TYPES.PropertyDefinition && propertyKey(element) === name) return element;
  }
  return undefined;
}

function variableSite(
  id: TSESTree.Identifier,
  library: StoreLibrary,
  node: TSESTree.Node,
  creation: TSESTree.NewExpression | TSESTree.CallExpression | undefined,
  origin: Origin | undefined,
  provenance: 'created' | 'injected',
  level: 'module' | 'class' | 'function',
  file: FileInput,
): StoreSite {
  const variable = resolveVariable(id, file.scopeManager);
  const exported = isExported(id);
  const site: StoreSite = {
    library,
    kind: STORE_KIND[library],
    node,
    creation,
    origin,
    provenance,
    binding: { kind: 'variable', name: id.name, id, exported },
    level,
    uses: [],
    escapes: exported ? [id] : [],
  };
  if (variable) collectVariableUses(variable, id, site, file);
  return site;
}

function isExported(id: TSESTree.Identifier): boolean {
  const declarator = id.parent;
  const declaration = declarator?.parent;
  return declaration?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration;
}

function memberSite(
  cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
  name: string,
  isPrivate: boolean,
  isStatic: boolean,
  library: StoreLibrary,
  node: TSESTree.Node,
  creation: TSESTree.NewExpression | TSESTree.CallExpression | undefined,
  origin: Origin | undefined,
  provenance: 'created' | 'injected',
  file: FileInput,
  index: FileIndex,
): StoreSite {
  const site: StoreSite = {
    library,
    kind: STORE_KIND[library],
    node,
    creation,
    origin,
    provenance,
    binding: { kind: 'member', name, cls, isPrivate, isStatic },
    level: 'class',
    uses: [],
    escapes: [],
  };
  for (const member of index.thisMembers) {
    if (!contains(cls, member) || enclosingClass(member) !== cls) continue;
    const memberKey = member.property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${member.property.name}` : memberName(member);
    if (memberKey !== name) continue;
    // The initialising assignment itself is not a use.
    const parent = parentOf(member);
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === member && creation && unwrap(parent.right) === creation) continue;
    classifyUse(member, site, file);
  }
  return site;
}

/** Stores handed to a class: `constructor(private readonly redis: Redis)`, `@Inject(CACHE_MANAGER) private cache: Cache`. */
function addInjectedMembers(
  cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
  file: FileInput,
  index: FileIndex,
  add: (site: StoreSite | undefined) => void,
): void {
  for (const element of cls.body.body) {
    if (element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'constructor') {
      for (const param of element.value.params) {
        if (param.type !== AST_NODE_TYPES.TSParameterProperty) continue;
        const target = param.parameter;
        if (target.type !== AST_NODE_TYPES.Identifier || !target.typeAnnotation) continue;
        const library = libraryOfType(target.typeAnnotation.typeAnnotation, file);
        if (!library) continue;
        const origin = originOfType(target.typeAnnotation.typeAnnotation, file);
        add(memberSite(cls, target.name, param.accessibility === 'private', false, library, target, undefined, origin, 'injected', file, index));
      }
    } else if (element.type === AST_NODE_TYPES.PropertyDefinition && !element.value && element.typeAnnotation) {
      const library = libraryOfType(element.typeAnnotation.typeAnnotation, file);
      const name = propertyKey(element);
      if (!library || name === undefined) continue;
      // A typed field assigned in the constructor is found through its creation instead.
      const assigned = index.thisMembers.some((m) => memberName(m) === name && contains(cls, m) && parentOf(m)?.type === AST_NODE_TYPES.AssignmentExpression);
      if (assigned) continue;
      const origin = originOfType(element.typeAnnotation.typeAnnotation, file);
      add(memberSite(cls, name, element.accessibility === 'private', element.static, library, element, undefined, origin, 'injected', file, index));
    }
  }
}

function libraryOfType(type: TSESTree.TypeNode, file: FileInput): StoreLibrary | undefined {
  const origin = originOfType(type, file);
  if (!origin) return undefined;
  return STORE_SOURCES.find((s) => s.via === 'type' && isOrigin(origin, s.source, s.path, 'type'))?.library;
}

/** Module- and class-level `{}` / `Object.create(null)` objects used with computed keys: candidate object caches. */
function addObjectCaches(file: FileInput, index: FileIndex, add: (site: StoreSite | undefined) => void): void {
  const isEmptyObject = (node: TSESTree.Node | null | undefined): boolean => {
    if (!node) return false;
    const value = unwrap(node);
    if (value.type === AST_NODE_TYPES.ObjectExpression) return value.properties.length === 0;
    if (value.type === AST_NODE_TYPES.CallExpression && value.arguments.length === 1) {
      const callee = unwrap(value.callee);
      const argument = value.arguments[0]!;
      return (
        callee.type === AST_NODE_TYPES.MemberExpression &&
        callee.object.type === AST_NODE_TYPES.Identifier &&
        callee.object.name === 'Object' &&
        memberName(callee) === 'create' &&
        argument.type === AST_NODE_TYPES.Literal &&
        argument.value === null
      );
    }
    return false;
  };
  for (const statement of file.ast.body) {
    const declaration =
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement.type === AST_NODE_TYPES.VariableDeclaration ? statement : null;
    if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of declaration.declarations) {
      if (declarator.id.type !== AST_NODE_TYPES.Identifier || !isEmptyObject(declarator.init)) continue;
      add(variableSite(declarator.id, 'object', declarator, undefined, undefined, 'created', 'module', file));
    }
  }
  for (const cls of index.classes) {
    for (const element of cls.body.body) {
      if (element.type !== AST_NODE_TYPES.PropertyDefinition || !isEmptyObject(element.value)) continue;
      const name = element.key.type === AST_NODE_TYPES.PrivateIdentifier ? `#${element.key.name}` : propertyKey(element);
      if (name === undefined) continue;
      const isPrivate = name.startsWith('#') || element.accessibility === 'private';
      add(memberSite(cls, name, isPrivate, element.static, 'object', element, undefined, undefined, 'created', file, index));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Uses

function collectVariableUses(variable: VariableLike, id: TSESTree.Identifier, site: StoreSite, file: FileInput): void {
  for (const reference of variable.references) {
    const identifier = reference.identifier;
    if (identifier === id) continue;
    if (reference.isWrite()) {
      const assignment = parentOf(identifier);
      // The declaration's own initialiser is not a use; a later `cache = new Map()` resets it.
      if (assignment?.type === AST_NODE_TYPES.VariableDeclarator) continue;
      site.uses.push({ method: '=', call: undefined, receiver: identifier, node: assignment ?? identifier, args: [], fn: enclosingFunction(identifier), via: 'direct' });
      continue;
    }
    classifyUse(identifier, site, file);
  }
}

const PIPELINE_METHODS: ReadonlySet<string> = new Set(['pipeline', 'multi', 'batch']);

/** Records what one occurrence of the store (`cache`, `this.cache`) does. */
function classifyUse(receiver: TSESTree.Node, site: StoreSite, file: FileInput, via: 'direct' | 'pipeline' = 'direct'): void {
  const fn = enclosingFunction(receiver);
  const parent = parentOf(receiver);
  if (!parent) return;
  const push = (use: Omit<StoreUse, 'receiver' | 'fn' | 'via'>): void => {
    site.uses.push({ ...use, receiver, fn, via });
  };
  if (parent.type === AST_NODE_TYPES.MemberExpression && unwrap(parent.object) === unwrap(receiver)) {
    const name = memberName(parent);
    const grand = parentOf(parent);
    const isStaticMember = name !== undefined && (!parent.computed || site.library !== 'object');
    if (isStaticMember) {
      if (grand?.type === AST_NODE_TYPES.CallExpression && unwrap(grand.callee) === unwrap(parent)) {
        push({ method: name!, call: grand, node: grand, args: grand.arguments });
        if (PIPELINE_METHODS.has(name!)) followPipeline(grand, site, file);
        return;
      }
      // getUser.cache.clear() (lodash), fn.cache.delete(k)
      if (grand?.type === AST_NODE_TYPES.MemberExpression && unwrap(grand.object) === unwrap(parent)) {
        const inner = memberName(grand);
        const call = parentOf(grand);
        if (inner !== undefined && call?.type === AST_NODE_TYPES.CallExpression && unwrap(call.callee) === unwrap(grand)) {
          push({ method: `${name}.${inner}`, call, node: call, args: call.arguments });
          return;
        }
      }
      push({ method: name!, call: undefined, node: parent, args: [] });
      return;
    }
    // Computed access with a run-time key: object caches (`cache[key]`, `cache[key] = v`, `delete cache[key]`).
    const key = parent.property;
    if (grand?.type === AST_NODE_TYPES.AssignmentExpression && grand.left === parent) {
      push({ method: '[]=', call: undefined, node: grand, args: [key, grand.right] });
    } else if (grand?.type === AST_NODE_TYPES.UnaryExpression && grand.operator === 'delete') {
      push({ method: 'delete', call: undefined, node: grand, args: [key] });
    } else {
      push({ method: '[]', call: undefined, node: parent, args: [key] });
    }
    return;
  }
  if (parent.type === AST_NODE_TYPES.CallExpression && unwrap(parent.callee) === unwrap(receiver)) {
    push({ method: '()', call: parent, node: parent, args: parent.arguments });
    return;
  }
  if (parent.type === AST_NODE_TYPES.BinaryExpression && parent.operator === 'in' && parent.right === receiver) {
    push({ method: 'has', call: undefined, node: parent, args: [parent.left] });
    return;
  }
  // Object.keys(cache).length and friends read the size; Object.hasOwn(cache, k) and
  // Object.prototype.hasOwnProperty.call(cache, k) test for a key.
  if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === receiver) {
    const callee = unwrap(parent.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'Object') {
      if (memberName(callee) === 'hasOwn') push({ method: 'has', call: parent, node: parent, args: parent.arguments.slice(1) });
      else push({ method: 'size', call: parent, node: parent, args: [] });
      return;
    }
    if (
      callee.type === AST_NODE_TYPES.MemberExpression &&
      memberName(callee) === 'call' &&
      callee.object.type === AST_NODE_TYPES.MemberExpression &&
      memberName(callee.object) === 'hasOwnProperty'
    ) {
      push({ method: 'has', call: parent, node: parent, args: parent.arguments.slice(1) });
      return;
    }
  }
  // `this.cache = new Map()` outside its initialisation resets the store; `this.cache ??= ...` only initialises it.
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && unwrap(parent.left) === unwrap(receiver)) {
    if (parent.operator === '=') push({ method: '=', call: undefined, node: parent, args: [parent.right] });
    return;
  }
  // Anything else hands the store to code this analysis cannot follow.
  if (parent.type !== AST_NODE_TYPES.ExpressionStatement && !isFunction(parent)) site.escapes.push(receiver);
}

/** `redis.pipeline().set(...).expire(...).exec()` or `const p = redis.multi(); p.set(...)`. */
function followPipeline(call: TSESTree.CallExpression, site: StoreSite, file: FileInput): void {
  const fn = enclosingFunction(call);
  let current: TSESTree.Node = call;
  for (let guard = 0; guard < 64; guard++) {
    const member = parentOf(current);
    if (member?.type !== AST_NODE_TYPES.MemberExpression || unwrap(member.object) !== unwrap(current)) break;
    const next = parentOf(member);
    const name = memberName(member);
    if (name === undefined || next?.type !== AST_NODE_TYPES.CallExpression || unwrap(next.callee) !== unwrap(member)) break;
    site.uses.push({ method: name, call: next, node: next, args: next.arguments, receiver: current, fn, via: 'pipeline' });
    current = next;
  }
  const declarator = parentOf(call);
  if (declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.id.type === AST_NODE_TYPES.Identifier && current === call) {
    const variable = resolveVariable(declarator.id, file.scopeManager);
    for (const reference of variable?.references ?? []) {
      if (reference.identifier === declarator.id || reference.isWrite()) continue;
      classifyUse(reference.identifier, site, file, 'pipeline');
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Queries the rules share

/** The uses of a store with one of the given methods. */
export function usesOf(site: StoreSite, methods: ReadonlySet<string> | readonly string[]): StoreUse[] {
  const set = methods instanceof Set ? methods : new Set(methods as readonly string[]);
  return site.uses.filter((use) => set.has(use.method));
}

/** The creation's options object (`new LRUCache({ max })`, `memoizee(fn, { max })`), when written in place. */
export function creationOptions(site: StoreSite): TSESTree.ObjectExpression | undefined {
  const creation = site.creation;
  if (!creation) return undefined;
  for (const argument of creation.arguments) {
    const value = unwrap(argument);
    if (value.type === AST_NODE_TYPES.ObjectExpression) return value;
  }
  return undefined;
}

/** A property of an options object by static key. */
export function optionProperty(options: TSESTree.ObjectExpression | undefined, name: string): TSESTree.Property | undefined {
  if (!options) return undefined;
  for (const property of options.properties) {
    if (property.type === AST_NODE_TYPES.Property && propertyKey(property) === name) return property as TSESTree.Property;
  }
  return undefined;
}

/** True when the options object spreads something in: its real content is unknown. */
export function hasSpread(options: TSESTree.ObjectExpression | undefined): boolean {
  return !!options?.properties.some((property) => property.type === AST_NODE_TYPES.SpreadElement);
}
