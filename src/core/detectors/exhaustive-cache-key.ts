import { requestSource } from '../react/next.js';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { isFunction, preferredQuote, resolveVariable } from '../ast.js';
import { contains, type FunctionNode } from '../analysis/file-index.js';
import type { Detector, FileInput, SuggestionPlan, TextEdit } from '../model.js';
import { creationOptions, mayHaveStores, optionProperty } from '../stores/analysis.js';
import { getCacheAside, initialisedFromRead, stripTs, type CacheWrap, type CacheWrite } from '../stores/cache-aside.js';
import { covers, DEFAULT_IGNORED_INPUTS, inputsOf, resolveFunction, type Input, type InputOptions } from '../stores/inputs.js';

/** Options of `exhaustive-cache-key`. */
export interface ExhaustiveCacheKeyOptions {
  /** Names of parameters, locals or properties that are never key inputs (beyond the built-in list). */
  readonly ignoreInputs: readonly string[];
}

/** Message ids of `exhaustive-cache-key`. */
export type ExhaustiveCacheKeyMessageId = 'missingInputs' | 'constantKey' | 'memoizeArity' | 'closureNotInKeyParts' | 'addToKey' | 'addResolver';

/**
 * A cache key that does not name every input of the cached computation: calls that differ only
 * in the missing input share one entry, so one caller gets another's data (another page, another
 * filter, another user or tenant). Compares the inputs (parameters and locals of the enclosing
 * functions, identity fields such as `this.tenantId`) the fetcher reads with those the key
 * expression reads, following locals and key factories defined in the file. Covers inline
 * cache-aside (read, miss, fetch, write), cache-manager `wrap`, cache-aside helpers written in
 * the file, Next.js `unstable_cache` closures (Next keys by `keyParts` and the arguments only), and
 * memoizers that key by fewer arguments than the function takes (lodash `memoize` without a
 * resolver, memoizee `length`, moize `maxArgs`). TanStack Query keys are left to
 * `@tanstack/eslint-plugin-query`.
 */
export const exhaustiveCacheKey: Detector<ExhaustiveCacheKeyOptions, ExhaustiveCacheKeyMessageId> = {
  id: 'exhaustive-cache-key',
  messages: {
    missingInputs:
      'The cache key {{key}} leaves out {{inputs}}, which the cached value depends on: calls that differ only there share one entry and get each other\'s data.',
    constantKey:
      'The cache key {{key}} is the same for every call, but the cached value depends on {{inputs}}: every caller gets whatever the first one cached.',
    memoizeArity:
      '{{library}} keys by the first {{keyed}} only, but the function takes {{params}}: calls that differ in a later argument get each other\'s results.',
    closureNotInKeyParts:
      '`unstable_cache` keys by `keyParts` and the function\'s arguments, but the function reads {{inputs}} from its closure: calls that differ only there share one entry.',
    addToKey: 'Add {{inputs}} to the key.',
    addResolver: 'Key by every argument with a resolver.',
  },
  gate: (text) => mayHaveStores(text),
  detect(file, options, report) {
    const analysis = getCacheAside(file);
    const inputOptions: InputOptions = { ignore: new Set([...DEFAULT_IGNORED_INPUTS, ...options.ignoreInputs]) };
    for (const write of analysis.writes) checkWrite(write, file, inputOptions, report);
    for (const wrap of analysis.wraps) {
      if (wrap.kind === 'memoizer') checkMemoizer(wrap, file, report);
      else if (wrap.kind === 'unstable_cache') checkUnstableCache(wrap, file, inputOptions, report);
      else checkWrap(wrap, file, inputOptions, report);
    }
  },
};

type ReportFn = Parameters<Detector<ExhaustiveCacheKeyOptions, ExhaustiveCacheKeyMessageId>['detect']>[2];

// ---------------------------------------------------------------------------------------------
// Inline cache-aside and wraps

function checkWrite(write: CacheWrite, file: FileInput, options: InputOptions, report: ReportFn): void {
  if (write.store.kind === 'memoizer' || !write.key || write.reads.length === 0) return;
  const source = write.source;
  // Only computed values: a write of what the caller handed in (write-through) has no fetcher to compare.
  if (!source?.call) return;
  // A timer handle (`setTimeout(...)`, `later.setInterval(...)`) kept per key is a registry, not a cached result.
  if (isTimerCall(source.call)) return;
  if (isOpaqueKey(write.key, file)) return;
  const computation = source.variable ? source.expression : write.payload ?? source.expression;
  const needed = inputsOf(computation, 'fetch', file, options);
  if (needed.length === 0) return;
  // A value computed from the entry's own previous value (`map.get(env) ?? 0` fed into the new
  // maximum, `(map.get(role) ?? new Set()).add(id)`) is state folded per key, not a cached lookup.
  const previous = write.sameKeyRead ? [write.sameKeyRead] : [];
  if (needed.some((input) => initialisedFromRead(input.variable, previous))) return;
  const keyInputs = write.keyParts.flatMap((part) => inputsOf(part, 'key', file, options));
  const keyNames = new Set(write.keyParts.map(stripTs).flatMap((part) => (part.type === AST_NODE_TYPES.Identifier ? [part.name] : [])));
  const missing = needed.filter(
    (input) =>
      !keyInputs.some((key) => covers(key, input)) &&
      !isStoreOrKey(input, write) &&
      // The key variable itself (`const digest = hash(pem)`; `cache.set(digest, ...)`) is keyed by definition.
      !(input.variable !== undefined && input.path.length === 0 && keyNames.has(input.root)),
  );
  if (missing.length === 0) return;
  const sites = keySites(write.key, file, write.sameKeyRead?.args[0]);
  reportMissing(write.key, keyInputs.length === 0, missing, sites, file, report);
}

function checkWrap(wrap: CacheWrap, file: FileInput, options: InputOptions, report: ReportFn): void {
  const key = wrap.key;
  if (!key || key.type === AST_NODE_TYPES.SpreadElement || !wrap.fetcher) return;
  const fetcher = fetcherFunction(wrap.fetcher, file);
  if (!fetcher || isOpaqueKey(key, file)) return;
  const needed = inputsOf(fetcher, 'fetch', file, options);
  if (needed.length === 0) return;
  const keyInputs = inputsOf(key, 'key', file, options);
  const missing = needed.filter((input) => !keyInputs.some((k) => covers(k, input)));
  if (missing.length === 0) return;
  reportMissing(key, keyInputs.length === 0, missing, keySites(key, file, undefined), file, report);
}

function reportMissing(
  key: TSESTree.Node,
  constant: boolean,
  missing: readonly Input[],
  sites: readonly TSESTree.Node[],
  file: FileInput,
  report: ReportFn,
): void {
  const inputs = listOf(missing.map((input) => input.text));
  const added = addToKeyEdits(sites, missing, file, 'key');
  // `key` names a local: show what it holds.
  const label = stripTs(key).type === AST_NODE_TYPES.Identifier && sites.length === 1 ? sites[0]! : key;
  report({
    messageId: constant ? 'constantKey' : 'missingInputs',
    data: { key: quoteCode(short(textOf(label, file))), inputs },
    node: key,
    ...(added ? { suggestions: [{ messageId: 'addToKey', data: { inputs: listOf(added.parts) }, edits: added.edits }] } : {}),
  });
}

/**
 * A key handed in whole by the caller (`getOrLoad(key: string, id: string)`): the caller built
 * it, so there is nothing to compare here. A parameter that is the data itself (`cache.get(id)`)
 * is not opaque.
 */
function isOpaqueKey(key: TSESTree.Node, file: FileInput): boolean {
  const node = stripTs(key);
  if (node.type !== AST_NODE_TYPES.Identifier || !/key$/i.test(node.name)) return false;
  const variable = resolveVariable(node, file.scopeManager);
  return variable?.defs[0]?.type === 'Parameter';
}

const TIMER_CALLS: ReadonlySet<string> = new Set(['setTimeout', 'setInterval', 'setImmediate']);

function isTimerCall(call: TSESTree.CallExpression): boolean {
  const callee = stripTs(call.callee);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier ? callee.property.name : undefined;
  return name !== undefined && TIMER_CALLS.has(name);
}

function isStoreOrKey(input: Input, write: CacheWrite): boolean {
  const binding = write.store.binding;
  return binding.kind === 'variable' && input.variable !== undefined && input.root === binding.name && input.path.length === 0;
}

/** The function a wrap calls on a miss: inline, or a local `const load = async () => ...`. */
function fetcherFunction(node: TSESTree.Node, file: FileInput): FunctionNode | undefined {
  const value = stripTs(node);
  if (isFunction(value)) return value;
  if (value.type !== AST_NODE_TYPES.Identifier) return undefined;
  const fn = resolveFunction(value, file);
  // Only a function declared inside another one closes over per-call inputs.
  return fn && fn.parent && !isModuleLevel(fn) ? fn : undefined;
}

function isModuleLevel(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) if (isFunction(current)) return false;
  return true;
}

/**
 * Where the key is written: the initialiser of a local `const key = ...` (shared by the read and
 * the write), or the key expression itself, plus the read's own copy when it is written out again.
 */
function keySites(key: TSESTree.Node, file: FileInput, readKey: TSESTree.Node | undefined): TSESTree.Node[] {
  const node = stripTs(key);
  if (node.type === AST_NODE_TYPES.Identifier) {
    const variable = resolveVariable(node, file.scopeManager);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    const writes = variable?.references.filter((reference) => reference.isWrite() && reference.identifier !== def?.name) ?? [];
    if (def?.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init && writes.length === 0) return [stripTs(def.node.init)];
    return [];
  }
  const sites = [node];
  if (readKey && stripTs(readKey) !== node) {
    const read = stripTs(readKey);
    if (read.type === AST_NODE_TYPES.Identifier) return [];
    sites.push(read);
  }
  return sites;
}

// ---------------------------------------------------------------------------------------------
// unstable_cache

function checkUnstableCache(wrap: CacheWrap, file: FileInput, options: InputOptions, report: ReportFn): void {
  if (!wrap.fetcher) return;
  const fetcher = fetcherFunction(wrap.fetcher, file);
  if (!fetcher || isModuleLevel(wrap.call)) return;
  const needed = inputsOf(fetcher, 'fetch', file, options);
  if (needed.length === 0) return;
  let keyParts: TSESTree.Node | undefined = wrap.key ? stripTs(wrap.key) : undefined;
  if (keyParts?.type === AST_NODE_TYPES.Identifier) {
    const variable = resolveVariable(keyParts, file.scopeManager);
    const def = variable?.defs[0];
    keyParts = def?.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init ? stripTs(def.node.init) : undefined;
    if (!keyParts) return;
  }
  if (keyParts && keyParts.type !== AST_NODE_TYPES.ArrayExpression) return;
  const keyInputs = keyParts ? inputsOf(keyParts, 'key', file, options) : [];
  // Values read from the request (cookies(), headers(), the session) are no-cached-private-fetch's
  // finding, reported as an error there; one report per line is enough.
  const missing = needed.filter((input) => !keyInputs.some((k) => covers(k, input)) && !requestSource(input.node, file));
  if (missing.length === 0) return;
  const inputs = listOf(missing.map((input) => input.text));
  let added: { edits: TextEdit[]; parts: string[] } | undefined;
  if (keyParts) {
    added = addToKeyEdits([keyParts], missing, file, 'keyParts');
  } else if (wrap.call.arguments.length === 1 && wrap.fetcher) {
    const parts = missing.map((input) => usableText(input, [wrap.call], file));
    if (parts.every((part) => part !== undefined)) {
      const text = `, [${parts.map((part, i) => asString(part!, missing[i]!)).join(', ')}]`;
      added = { edits: [{ range: [wrap.fetcher.range[1], wrap.fetcher.range[1]], text }], parts: parts as string[] };
    }
  }
  report({
    messageId: 'closureNotInKeyParts',
    data: { inputs },
    node: keyParts ?? wrap.call.callee,
    ...(added ? { suggestions: [{ messageId: 'addToKey', data: { inputs: listOf(added.parts) }, edits: added.edits }] } : {}),
  });
}

/** keyParts are strings: a value not known to be one is converted. */
function asString(text: string, input: Input): string {
  const name = input.variable?.defs[0]?.name;
  const annotation = name?.type === AST_NODE_TYPES.Identifier ? name.typeAnnotation?.typeAnnotation : undefined;
  if (input.path.length === 0 && annotation?.type === AST_NODE_TYPES.TSStringKeyword) return text;
  return `String(${text})`;
}

// ---------------------------------------------------------------------------------------------
// Memoizers

function checkMemoizer(wrap: CacheWrap, file: FileInput, report: ReportFn): void {
  const store = wrap.store;
  const fetcher = wrap.fetcher;
  if (!store || !fetcher || fetcher.type === AST_NODE_TYPES.SpreadElement) return;
  const value = stripTs(fetcher);
  const fn = isFunction(value) ? value : resolveFunction(value, file);
  if (!fn) return;
  const used = usedParams(fn, file);
  if (used.length < 2) return;
  let keyed = 1;
  let library: string;
  if (store.library === 'lodash-memoize') {
    if (wrap.call.arguments.length > 1) return; // a resolver decides the key
    library = '`memoize`';
  } else if (store.library === 'memoizee' || store.library === 'moize') {
    const option = optionProperty(creationOptions(store), store.library === 'memoizee' ? 'length' : 'maxArgs');
    const limit = option ? stripTs(option.value) : undefined;
    if (limit?.type !== AST_NODE_TYPES.Literal || typeof limit.value !== 'number' || limit.value >= used.length) return;
    keyed = limit.value;
    library = store.library === 'memoizee' ? '`memoizee` with `length`' : '`moize` with `maxArgs`';
  } else {
    return;
  }
  // Every call in this file passes at most the keyed arguments, and no one else can call it.
  if (store.escapes.length === 0) {
    const calls = store.uses.filter((use) => use.method === '()');
    if (calls.length > 0 && calls.every((use) => use.args.length <= keyed)) return;
  }
  let suggestion: SuggestionPlan<ExhaustiveCacheKeyMessageId> | undefined;
  if (store.library === 'lodash-memoize' && wrap.call.arguments.length === 1) {
    suggestion = { messageId: 'addResolver', edits: [{ range: [fetcher.range[1], fetcher.range[1]], text: ', (...args) => JSON.stringify(args)' }] };
  }
  report({
    messageId: 'memoizeArity',
    data: { library, keyed: keyed === 1 ? 'argument' : `${keyed} arguments`, params: listOf(used) },
    node: wrap.call,
    ...(suggestion ? { suggestions: [suggestion] } : {}),
  });
}

/** Names of the parameters the function reads (all of them for patterns and rest elements). */
function usedParams(fn: FunctionNode, file: FileInput): string[] {
  const variables = file.scopeManager?.getDeclaredVariables(fn) ?? [];
  const out: string[] = [];
  for (const param of fn.params) {
    const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    if (target.type === AST_NODE_TYPES.Identifier) {
      const variable = variables.find((v) => v.name === target.name);
      if (variable && variable.references.length === 0) continue;
      out.push(target.name);
    } else if (target.type === AST_NODE_TYPES.RestElement) {
      // `(...args)`: how many it reads is unknown; not reported.
      return [];
    } else {
      out.push(file.text.slice(target.range[0], target.range[1]).replace(/\s+/g, ' '));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Suggestions: add the missing inputs in the key's own style

function addToKeyEdits(
  sites: readonly TSESTree.Node[],
  missing: readonly Input[],
  file: FileInput,
  kind: 'key' | 'keyParts',
): { edits: TextEdit[]; parts: string[] } | undefined {
  if (sites.length === 0) return undefined;
  // One spelling per input, valid at every site: the read and the write must build the same key.
  const parts: string[] = [];
  for (const input of missing) {
    const text = usableText(input, sites, file);
    if (text === undefined) return undefined;
    parts.push(text);
  }
  const edits: TextEdit[] = [];
  for (const site of sites) {
    const edit = appendToKey(site, parts, missing, file, kind);
    if (!edit) return undefined;
    edits.push(edit);
  }
  return { edits, parts };
}

function appendToKey(site: TSESTree.Node, parts: readonly string[], missing: readonly Input[], file: FileInput, kind: 'key' | 'keyParts'): TextEdit | undefined {
  const node = stripTs(site);
  switch (node.type) {
    case AST_NODE_TYPES.TemplateLiteral: {
      const at = node.range[1] - 1;
      return { range: [at, at], text: parts.map((part) => `:\${${part}}`).join('') };
    }
    case AST_NODE_TYPES.Literal: {
      if (typeof node.value !== 'string') return undefined;
      const escaped = node.value.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
      return { range: [node.range[0], node.range[1]], text: `\`${escaped}${parts.map((part) => `:\${${part}}`).join('')}\`` };
    }
    case AST_NODE_TYPES.BinaryExpression: {
      if (node.operator !== '+') return undefined;
      const quote = quoteIn(node, file);
      return { range: [node.range[1], node.range[1]], text: parts.map((part) => ` + ${quote}:${quote} + ${part}`).join('') };
    }
    case AST_NODE_TYPES.ArrayExpression: {
      const values = kind === 'keyParts' ? parts.map((part, i) => asString(part, missing[i]!)) : [...parts];
      const last = node.elements[node.elements.length - 1];
      if (!last) return { range: [node.range[0] + 1, node.range[1] - 1], text: values.join(', ') };
      return { range: [last.range[1], last.range[1]], text: values.map((value) => `, ${value}`).join('') };
    }
    case AST_NODE_TYPES.CallExpression: {
      // JSON.stringify([a, b]) / JSON.stringify({ a, b })
      const argument = node.arguments[0] ? stripTs(node.arguments[0]) : undefined;
      if (!argument || file.text.slice(node.callee.range[0], node.callee.range[1]) !== 'JSON.stringify') return undefined;
      if (argument.type === AST_NODE_TYPES.ArrayExpression) return appendToKey(argument, parts, missing, file, kind);
      if (argument.type === AST_NODE_TYPES.ObjectExpression) {
        const last = argument.properties[argument.properties.length - 1];
        const entries = parts.map((part, i) => (/^[A-Za-z_$][\w$]*$/.test(part) ? part : `${propertyName(missing[i]!)}: ${part}`));
        if (!last) return { range: [argument.range[0], argument.range[1]], text: `{ ${entries.join(', ')} }` };
        return { range: [last.range[1], last.range[1]], text: entries.map((entry) => `, ${entry}`).join('') };
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

function propertyName(input: Input): string {
  const last = input.path[input.path.length - 1] ?? input.root;
  const match = /^\w+\('([^']+)'\)$/.exec(last) ?? /^\w+\("([^"]+)"\)$/.exec(last);
  const name = match ? match[1]! : last;
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

function quoteIn(node: TSESTree.Node, file: FileInput): string {
  let current: TSESTree.Node = node;
  while (current.type === AST_NODE_TYPES.BinaryExpression) {
    const right = current.right;
    if (right.type === AST_NODE_TYPES.Literal && typeof right.value === 'string') return file.text[right.range[0]]!;
    current = current.left;
  }
  if (current.type === AST_NODE_TYPES.Literal && typeof current.value === 'string') return file.text[current.range[0]]!;
  return preferredQuote(file.text);
}

/** A plain reading expression: `a.b.c`, `a?.b`, `url.searchParams.get('page')`, `headers['x-tenant']`. */
const SIMPLE_READ = /^[A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*|\('[^']*'\)|\("[^"]*"\)|\['[^']*'\]|\["[^"]*"\])*$/;

/** The input's text as written, or spelled from its root, whichever is in scope at every site. */
function usableText(input: Input, sites: readonly TSESTree.Node[], file: FileInput): string | undefined {
  for (const candidate of [input.text, input.canonical]) {
    const flat = candidate.replace(/\s+/g, '');
    if (!SIMPLE_READ.test(flat)) continue;
    const root = /^[A-Za-z_$][\w$]*/.exec(flat)![0];
    const usable = sites.every((site) => (root === 'this' ? sameThis(input.node, site) : inScopeAt(root, input, site, file)));
    if (usable) return flat;
  }
  return undefined;
}

/** The variable `name` (as seen from the input's reading site) is declared before `site` and visible there. */
function inScopeAt(name: string, input: Input, site: TSESTree.Node, file: FileInput): boolean {
  const variable = name === input.root ? input.variable : resolveByName(name, input.node, file);
  const def = variable?.defs[0];
  if (!variable || !def) return false;
  if (def.name.range[0] >= site.range[0]) return false;
  // Visible: the site lies in the block or function that declares it.
  let scopeNode: TSESTree.Node | undefined = def.name.parent;
  if (def.type === 'Parameter') {
    while (scopeNode && !isFunction(scopeNode)) scopeNode = scopeNode.parent;
  } else {
    while (scopeNode && scopeNode.type !== AST_NODE_TYPES.BlockStatement && scopeNode.type !== AST_NODE_TYPES.Program && !isFunction(scopeNode)) {
      scopeNode = scopeNode.parent;
    }
  }
  return !!scopeNode && contains(scopeNode, site);
}

function resolveByName(name: string, at: TSESTree.Node, file: FileInput): ReturnType<typeof resolveVariable> {
  let node: TSESTree.Node = at;
  while (node.type === AST_NODE_TYPES.MemberExpression || node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.ChainExpression) {
    node = node.type === AST_NODE_TYPES.MemberExpression ? node.object : node.type === AST_NODE_TYPES.CallExpression ? node.callee : node.expression;
  }
  if (node.type !== AST_NODE_TYPES.Identifier || node.name !== name) return undefined;
  return resolveVariable(node, file.scopeManager);
}

function sameThis(a: TSESTree.Node, b: TSESTree.Node): boolean {
  const owner = (node: TSESTree.Node): TSESTree.Node | undefined => {
    for (let current = node.parent; current; current = current.parent) {
      if (current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.FunctionDeclaration) return current;
    }
    return undefined;
  };
  return owner(a) === owner(b);
}

// ---------------------------------------------------------------------------------------------

function listOf(items: readonly string[]): string {
  const quoted = [...new Set(items)].map((item) => `\`${short(item)}\``);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

/** Wraps code in backticks for a message, unless it is a template literal (which brings its own). */
function quoteCode(text: string): string {
  return text.startsWith('`') ? text : `\`${text}\``;
}

function short(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length <= 60 ? flat : `${flat.slice(0, 59)}…`;
}

function textOf(node: TSESTree.Node, file: FileInput): string {
  return file.text.slice(node.range[0], node.range[1]);
}

