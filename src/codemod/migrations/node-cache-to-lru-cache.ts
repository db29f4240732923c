import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { parentOf, propertyKey, resolveVariable, unwrap } from '../../core/ast.js';
import { getFileIndex } from '../../core/analysis/file-index.js';
import type { FileInput, TextEdit } from '../../core/model.js';
import { getStoreAnalysis, type StoreSite } from '../../core/stores/analysis.js';
import {
  callMember,
  dependencyAdvice,
  editableObject,
  existingBinding,
  hasSpread,
  importsOf,
  numericValue,
  removeItems,
  renameKey,
  renameMember,
  requireDeclarators,
  resultUnused,
  statementRemoval,
  textOf,
  timesThousand,
  type Mark,
} from './shared.js';
import type { Migration } from './types.js';

const SOURCES = ['node-cache', '@cacheable/node-cache'];
const UNBOUNDED = 'node-cache had no limit here (maxKeys -1): lru-cache needs a `max` entry count (or maxSize); choose one';
const CLONES = 'node-cache cloned values on set and get (useClones defaults to true); lru-cache hands out the stored object, so callers must not mutate what they get';
/** node-cache methods with no lru-cache counterpart, and what to do instead. */
const UNMAPPED: ReadonlyMap<string, string> = new Map([
  ['take', 'take() is get() followed by delete()'],
  ['ttl', "ttl(key, seconds) has no counterpart: set the value again with { ttl: ms }"],
  ['getTtl', 'getTtl() returned an expiry timestamp; lru-cache has getRemainingTTL(key) (milliseconds left)'],
  ['mget', 'mget() has no counterpart: get each key'],
  ['mset', 'mset() has no counterpart: set each entry (with { ttl: ms })'],
  ['getStats', 'lru-cache keeps no hit/miss statistics: count them yourself'],
  ['flushStats', 'lru-cache keeps no statistics'],
  ['on', "node-cache events: 'expired'/'del' map to the dispose(value, key, reason) option, which runs on access or purge unless ttlAutopurge is set"],
  ['close', 'lru-cache has no check timer to stop: drop this call'],
]);

/**
 * node-cache → lru-cache v11, assisted: the import and constructor (`stdTTL` seconds → `ttl`
 * milliseconds, `maxKeys > 0` → `max`), `set` TTLs, `del` → `delete`, `flushAll` → `clear`,
 * `keys()` → an array. Caches without a bound, value cloning (node-cache's default), and calls
 * without a counterpart are marked.
 */
export const nodeCacheToLruCache: Migration = {
  name: 'node-cache-to-lru-cache',
  description: 'node-cache → lru-cache v11 (assisted): options (stdTTL s → ttl ms, maxKeys → max), set TTLs, del/flushAll/keys; marks unbounded caches, cloning and unmapped calls',
  package: 'node-cache',
  alsoFor: ['@cacheable/node-cache'],
  targetPackage: 'lru-cache',
  targetMajor: 11,
  ranges: () => ({ 'lru-cache': '^11.0.0' }),
  gate: (text) => text.includes('node-cache'),
  transform(file) {
    const edits: TextEdit[] = [];
    const marks: Mark[] = [];
    const reports: Mark[] = [];
    const stores = getStoreAnalysis(file).stores.filter((site) => site.library === 'node-cache' && site.origin && SOURCES.includes(site.origin.source));
    const typescript = /\.[mc]?tsx?$/.test(file.filename);
    const valueTypes = new Map<StoreSite, string | undefined>();
    for (const site of stores) valueTypes.set(site, migrateStore(site, file, typescript, edits, marks));
    const only = stores.length === 1 ? valueTypes.get(stores[0]!) : undefined;
    const local = rewriteImports(file, typescript, only, edits, marks);
    if (local && stores.some((s) => s.provenance === 'created')) {
      const advice = dependencyAdvice(file, 'lru-cache', 11);
      reports.push({ node: stores[0]!.node, message: `the cache now comes from lru-cache${advice ? `: ${advice}` : ''} (and drop node-cache when nothing else uses it)` });
    }
    return { edits, marks, reports };
  },
};

/** Rewrites the imports/requires and every reference to the class; returns the lru-cache class name used. */
function rewriteImports(file: FileInput, typescript: boolean, valueType: string | undefined, edits: TextEdit[], marks: Mark[]): string | undefined {
  const existing = existingBinding(file, 'lru-cache', 'LRUCache');
  const name = existing ?? 'LRUCache';
  let used: string | undefined;
  let added = existing !== undefined;
  const holders: { holder: TSESTree.ImportDeclaration | TSESTree.VariableDeclarator; ids: TSESTree.Identifier[] }[] = [];
  for (const source of SOURCES) {
    for (const declaration of importsOf(file, source)) {
      const ids = declaration.specifiers
        .filter((s) => s.type === AST_NODE_TYPES.ImportDefaultSpecifier || (s.type === AST_NODE_TYPES.ImportSpecifier && (s.imported.type === AST_NODE_TYPES.Identifier ? s.imported.name : s.imported.value) === 'NodeCache'))
        .map((s) => s.local);
      if (ids.length > 0 && ids.length === declaration.specifiers.length) holders.push({ holder: declaration, ids });
    }
  }
  for (const declarator of requireDeclarators(file, SOURCES, getFileIndex(file).calls)) {
    if (declarator.id.type === AST_NODE_TYPES.Identifier) holders.push({ holder: declarator, ids: [declarator.id] });
  }
  for (const { holder, ids } of holders) {
    const typeArgs = valueType ? `<string, ${valueType}>` : '<string, {}>';
    for (const id of ids) {
      const variable = resolveVariable(id, file.scopeManager);
      for (const reference of variable?.references ?? []) {
        const identifier = reference.identifier as TSESTree.Identifier;
        if (identifier === id) continue;
        const parent = parentOf(identifier);
        if (parent?.type === AST_NODE_TYPES.NewExpression && parent.callee === identifier) {
          edits.push({ range: identifier.range, text: name });
        } else if (parent?.type === AST_NODE_TYPES.TSTypeReference && parent.typeName === identifier && !parent.typeArguments) {
          edits.push({ range: identifier.range, text: typescript ? `${name}${typeArgs}` : name });
          if (!valueType) marks.push({ node: parent, message: 'choose the value type: LRUCache<string, YourValue>' });
        } else {
          marks.push({ node: identifier, message: 'a node-cache reference the migration cannot map: use LRUCache from lru-cache' });
        }
      }
    }
    used = name;
    if (holder.type === AST_NODE_TYPES.ImportDeclaration) {
      if (added) edits.push(statementRemoval(file, holder));
      else edits.push({ range: holder.range, text: `import { ${name} } from ${holder.source.raw[0]}lru-cache${holder.source.raw[0]}${textOf(file, holder).trimEnd().endsWith(';') ? ';' : ''}` });
    } else {
      const declaration = holder.parent;
      if (added && declaration?.type === AST_NODE_TYPES.VariableDeclaration && declaration.declarations.length === 1) edits.push(statementRemoval(file, declaration));
      else if (!added && holder.init) {
        const quote = file.text[unwrap(holder.init).range[0] + 'require('.length] ?? "'";
        edits.push({ range: holder.id.range, text: `{ ${name} }` }, { range: unwrap(holder.init).range, text: `require(${quote}lru-cache${quote})` });
      }
    }
    added = true;
  }
  return used;
}

/** Migrates one cache's options and uses; returns the value type it stores (TypeScript), when one is known. */
function migrateStore(site: StoreSite, file: FileInput, typescript: boolean, edits: TextEdit[], marks: Mark[]): string | undefined {
  const types = new Set<string>();
  for (const use of site.uses) {
    const call = use.call;
    if (!call) continue;
    if (call.typeArguments) {
      types.add(textOf(file, call.typeArguments.params[0]!));
      edits.push({ range: call.typeArguments.range, text: '' });
    }
  }
  const valueType = types.size === 1 ? [...types][0] : types.size > 1 ? [...types].join(' | ') : undefined;
  const creation = site.creation?.type === AST_NODE_TYPES.NewExpression ? site.creation : undefined;
  if (creation) migrateOptions(creation, file, typescript, valueType, edits, marks);
  for (const use of site.uses) {
    const call = use.call;
    const member = call ? callMember(call) : undefined;
    if (!call || !member || use.via !== 'direct') continue;
    const method = use.method;
    const unmapped = UNMAPPED.get(method);
    if (unmapped) {
      marks.push({ node: call, message: unmapped });
      continue;
    }
    if (method === 'set') {
      if (!resultUnused(call)) marks.push({ node: call, message: 'node-cache set() returned true; lru-cache set() returns the cache' });
      const ttl = call.arguments[2];
      if (ttl && ttl.type !== AST_NODE_TYPES.SpreadElement && unwrap(ttl).type !== AST_NODE_TYPES.ObjectExpression) {
        edits.push({ range: ttl.range, text: `{ ttl: ${numericValue(ttl, file) === 0 ? '0' : timesThousand(file, unwrap(ttl))} }` });
      }
    } else if (method === 'del') {
      const key = call.arguments[0] ? unwrap(call.arguments[0]) : undefined;
      if (key?.type === AST_NODE_TYPES.ArrayExpression || call.arguments.length !== 1) {
        marks.push({ node: call, message: 'lru-cache delete() takes one key: delete each' });
        continue;
      }
      if (!resultUnused(call)) marks.push({ node: call, message: 'node-cache del() returned the number deleted; lru-cache delete() returns a boolean' });
      const edit = renameMember(member, 'delete');
      if (edit) edits.push(edit);
    } else if (method === 'flushAll') {
      const edit = renameMember(member, 'clear');
      if (edit) edits.push(edit);
    } else if (method === 'keys' && call.arguments.length === 0) {
      edits.push({ range: call.range, text: `[...${textOf(file, call)}]` });
    }
  }
  return valueType;
}

function migrateOptions(creation: TSESTree.NewExpression, file: FileInput, typescript: boolean, valueType: string | undefined, edits: TextEdit[], marks: Mark[]): void {
  if (typescript && !creation.typeArguments) {
    edits.push({ range: [creation.callee.range[1], creation.callee.range[1]], text: `<string, ${valueType ?? '{}'}>` });
    if (!valueType) marks.push({ node: creation, message: 'choose the value type: new LRUCache<string, YourValue>(...)' });
  }
  const argument = creation.arguments[0];
  if (!argument) {
    marks.push({ node: creation, message: UNBOUNDED }, { node: creation, message: CLONES });
    return;
  }
  const object = editableObject(argument, file);
  if (!object || hasSpread(object)) {
    marks.push({ node: creation, message: 'options built elsewhere: stdTTL (seconds) becomes ttl (milliseconds), maxKeys becomes max; check useClones and that a max is set' });
    return;
  }
  let bounded = false;
  let clones = true;
  const removed = new Set<TSESTree.Node>();
  for (const prop of object.properties) {
    if (prop.type !== AST_NODE_TYPES.Property || prop.computed) continue;
    const key = propertyKey(prop);
    const value = prop.value;
    if (key === 'stdTTL') {
      const seconds = numericValue(value, file);
      const ms = seconds === 0 ? '0' : timesThousand(file, unwrap(value));
      edits.push(prop.shorthand ? { range: prop.range, text: `ttl: ${ms}` } : { range: prop.key.range, text: 'ttl' }, ...(prop.shorthand ? [] : [{ range: value.range, text: ms } as TextEdit]));
    } else if (key === 'maxKeys') {
      const max = numericValue(value, file);
      if (max !== undefined && max <= 0) {
        removed.add(prop);
      } else {
        edits.push(renameKey(prop, 'max', file));
        bounded = true;
        if (max === undefined) marks.push({ node: prop, message: 'maxKeys -1 (or 0) meant no limit in node-cache; lru-cache needs a positive max' });
      }
    } else if (key === 'checkperiod' || key === 'deleteOnExpire') {
      const literal = unwrap(value);
      if (key === 'deleteOnExpire' && !(literal.type === AST_NODE_TYPES.Literal && literal.value === true)) {
        marks.push({ node: prop, message: 'deleteOnExpire: false kept expired entries; lru-cache drops them (allowStale: true returns them once)' });
      } else {
        removed.add(prop);
      }
    } else if (key === 'useClones') {
      const literal = unwrap(value);
      if (literal.type === AST_NODE_TYPES.Literal && literal.value === false) {
        clones = false;
        removed.add(prop);
      }
    } else {
      marks.push({ node: prop, message: `\`${key ?? '?'}\` has no lru-cache counterpart` });
    }
  }
  edits.push(...removeItems(object.properties, removed));
  if (!bounded) marks.push({ node: creation, message: UNBOUNDED });
  if (clones) marks.push({ node: creation, message: CLONES });
}
