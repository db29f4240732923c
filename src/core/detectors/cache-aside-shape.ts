import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { calleeMember, enclosingFunction, isFunction, memberName, parentOf, propertyKey, resolveVariable, unwrap } from '../ast.js';
import { contains, getFileIndex, memoPerFile, type FunctionNode } from '../analysis/file-index.js';
import { originOf } from '../analysis/origins.js';
import type { FileInput } from '../model.js';
import { getStoreAnalysis, type StoreSite, type StoreUse } from '../stores/analysis.js';

/**
 * The cache-aside shape shared by `require-cache-fallback` and `prefer-stampede-protection`:
 * a read of a store, a check of what it returned (the miss), an awaited call to the source,
 * then a write of the same store, all in one function. Built from the shared store analysis
 * (every read use of a container or remote store), once per file.
 */
export interface CacheAsideRead {
  readonly store: StoreSite;
  /** The function holding the read. */
  readonly fn: FunctionNode;
  readonly read: StoreUse;
  /** The variable the read's result lands in (`const cached = await redis.get(k)`), if any. */
  readonly value: TSESTree.Identifier | undefined;
  /** Where the result is tested: an `if`/`?:`/`while` test or the left of `??`/`||`. */
  readonly missCheck: TSESTree.Node | undefined;
  /** The first awaited call after the read that is not a store command: the source. */
  readonly source: TSESTree.CallExpression | undefined;
  /** The first write of the same store after the read in the same function. */
  readonly write: StoreUse | undefined;
}

/** Reads that start a cache-aside lookup. */
export const SHAPE_READS: ReadonlySet<string> = new Set([
  'get',
  'has',
  'peek',
  '[]',
  'hget',
  'hGet',
  'hgetall',
  'hGetAll',
  'getBuffer',
  'json.get',
]);

/** Writes that fill the entry. */
export const SHAPE_WRITES: ReadonlySet<string> = new Set([
  'set',
  'setex',
  'setEx',
  'psetex',
  'pSetEx',
  'hset',
  'hSet',
  'hmset',
  'hmSet',
  'mset',
  'mSet',
  '[]=',
  'json.set',
]);

const KEY = {};

/** Every read of a container or remote store in the file, with the rest of its cache-aside shape. */
export function cacheAsideReads(file: FileInput): readonly CacheAsideRead[] {
  return memoPerFile(KEY, file.ast, () => {
    const out: CacheAsideRead[] = [];
    const stores = getStoreAnalysis(file).stores.filter((store) => store.kind !== 'memoizer');
    if (stores.length === 0) return out;
    const storeCalls = new Set<TSESTree.Node>();
    for (const store of stores) for (const use of store.uses) if (use.call) storeCalls.add(use.call);
    for (const store of stores) {
      for (const read of store.uses) {
        if (!SHAPE_READS.has(read.method) || !read.fn || read.via !== 'direct') continue;
        const fn = read.fn;
        const after = read.node.range[1];
        const write = store.uses.find(
          (use) => SHAPE_WRITES.has(use.method) && use.fn === fn && use.via === 'direct' && use.node.range[0] >= after && !isLockWrite(use),
        );
        const { value, missCheck } = resultOf(read, file);
        // The source may be awaited inside the write itself: `cache[k] = await load(k)`, `cache.set(k, await load(k))`.
        const end = write ? write.node.range[1] : fn.range[1];
        out.push({ store, fn, read, value, missCheck, source: sourceCall(file, fn, after, end, storeCalls), write });
      }
    }
    return out;
  });
}

/** `SET k v NX` (ioredis), `{ NX: true }` (node-redis), `{ nx: true }` (Upstash), `SETNX`. */
export function isLockWrite(use: StoreUse): boolean {
  if (use.method === 'setnx' || use.method === 'setNX') return true;
  if (use.method !== 'set') return false;
  return use.args.some((argument) => {
    const value = unwrap(argument);
    if (value.type === AST_NODE_TYPES.Literal) return typeof value.value === 'string' && value.value.toUpperCase() === 'NX';
    if (value.type === AST_NODE_TYPES.ObjectExpression) {
      return value.properties.some((property) => {
        if (property.type !== AST_NODE_TYPES.Property || propertyKey(property)?.toUpperCase() !== 'NX') return false;
        const flag = unwrap(property.value);
        return !(flag.type === AST_NODE_TYPES.Literal && flag.value === false);
      });
    }
    return false;
  });
}

/** True when the read shows it is a cache lookup: a write follows it, or a miss check then a source call. */
export function isCacheAside(shape: CacheAsideRead): boolean {
  return !!shape.write || (!!shape.missCheck && !!shape.source);
}

// ---------------------------------------------------------------------------------------------

/** Nodes the read's value passes through on its way to a variable or a test. */
function resultOf(read: StoreUse, file: FileInput): { value: TSESTree.Identifier | undefined; missCheck: TSESTree.Node | undefined } {
  let current: TSESTree.Node = read.node;
  for (let depth = 0; depth < 8; depth++) {
    const parent = parentOf(current);
    if (!parent) break;
    const test = testOf(parent, current);
    if (test) return { value: undefined, missCheck: test };
    switch (parent.type) {
      case AST_NODE_TYPES.AwaitExpression:
      case AST_NODE_TYPES.UnaryExpression:
      case AST_NODE_TYPES.LogicalExpression:
      case AST_NODE_TYPES.BinaryExpression:
      case AST_NODE_TYPES.CallExpression:
        current = parent;
        continue;
      case AST_NODE_TYPES.MemberExpression:
        if (parent.object !== current) break;
        current = parent;
        continue;
      case AST_NODE_TYPES.VariableDeclarator:
        if (parent.init === current && parent.id.type === AST_NODE_TYPES.Identifier) {
          return { value: parent.id, missCheck: missCheckOf(parent.id, parent.id, file) };
        }
        break;
      case AST_NODE_TYPES.AssignmentExpression:
        if (parent.right === current && parent.left.type === AST_NODE_TYPES.Identifier) {
          return { value: parent.left, missCheck: missCheckOf(parent.left, parent, file) };
        }
        break;
      default:
        break;
    }
    break;
  }
  return { value: undefined, missCheck: undefined };
}

/** When `child` is the tested part of `parent`: `if (x)`, `x ? a : b`, `x ?? y`, `x || y`, `while (x)`. */
function testOf(parent: TSESTree.Node, child: TSESTree.Node): TSESTree.Node | undefined {
  switch (parent.type) {
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.ConditionalExpression:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
      return parent.test === child ? parent : undefined;
    case AST_NODE_TYPES.LogicalExpression:
      return parent.left === child && (parent.operator === '??' || parent.operator === '||') ? parent : undefined;
    default:
      return undefined;
  }
}

/** The first test of the variable after it is assigned. */
function missCheckOf(id: TSESTree.Identifier, after: TSESTree.Node, file: FileInput): TSESTree.Node | undefined {
  const variable = resolveVariable(id, file.scopeManager);
  if (!variable) return undefined;
  for (const reference of variable.references) {
    const identifier = reference.identifier;
    if (reference.isWrite() || identifier.range[0] < after.range[1]) continue;
    let current: TSESTree.Node = identifier;
    for (let depth = 0; depth < 5; depth++) {
      const parent = parentOf(current);
      if (!parent) break;
      const test = testOf(parent, current);
      if (test) return test;
      if (
        parent.type === AST_NODE_TYPES.UnaryExpression ||
        parent.type === AST_NODE_TYPES.BinaryExpression ||
        parent.type === AST_NODE_TYPES.LogicalExpression ||
        (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === current) ||
        (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(current as TSESTree.CallExpressionArgument))
      ) {
        current = parent;
        continue;
      }
      break;
    }
  }
  return undefined;
}

const CHEAP_CALLEES = /^(?:sleep|delay|wait|setTimeout|setImmediate|nextTick|json|text|formData|arrayBuffer|blob|parse|resolve|cookies|headers|draftMode|params)$/;

/** The first awaited call in `fn` (not in nested functions) between two offsets that is not a store command or a cheap read. */
function sourceCall(
  file: FileInput,
  fn: FunctionNode,
  start: number,
  end: number,
  storeCalls: ReadonlySet<TSESTree.Node>,
): TSESTree.CallExpression | undefined {
  // The index lists calls in source order (by start): find the first after `start`, stop at `end`.
  const calls = getFileIndex(file).calls;
  let low = 0;
  let high = calls.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (calls[middle]!.range[0] < start) low = middle + 1;
    else high = middle;
  }
  for (let i = low; i < calls.length && calls[i]!.range[0] < end; i++) {
    const call = calls[i]!;
    if (call.range[1] > end) continue;
    if (parentOf(call)?.type !== AST_NODE_TYPES.AwaitExpression || storeCalls.has(call)) continue;
    if (enclosingFunction(call) !== fn) continue;
    if (isCheapCall(call, file)) continue;
    return call;
  }
  return undefined;
}

/** Sleeping, parsing and request-body reads are not the source. */
function isCheapCall(call: TSESTree.CallExpression, file: FileInput): boolean {
  const callee = unwrap(call.callee);
  let name: string | undefined;
  if (callee.type === AST_NODE_TYPES.Identifier) name = callee.name;
  else if (callee.type === AST_NODE_TYPES.MemberExpression) {
    name = memberName(callee);
    const root = rootIdentifier(callee);
    if (root && (root.name === 'Promise' || /^(?:req|request|ctx|c)$/.test(root.name))) {
      // `await req.json()`, `await c.req.json()`: the request, not the source. A route param is fine too.
      const origin = originOf(root, file);
      if (!origin) return true;
    }
  }
  return name !== undefined && CHEAP_CALLEES.test(name);
}

/** The identifier a member chain starts from (`a` in `a.b.c()`), or `this`'s member name root. */
export function rootIdentifier(node: TSESTree.Node): TSESTree.Identifier | undefined {
  let current = unwrap(node);
  for (let depth = 0; depth < 12; depth++) {
    if (current.type === AST_NODE_TYPES.Identifier) return current;
    if (current.type === AST_NODE_TYPES.MemberExpression) current = unwrap(current.object);
    else if (current.type === AST_NODE_TYPES.CallExpression) current = unwrap(current.callee);
    else return undefined;
  }
  return undefined;
}

/** Visits every node under `root` (not entering nested functions unless asked); stops when `visit` returns true. */
export function someNode(
  root: TSESTree.Node,
  file: FileInput,
  visit: (node: TSESTree.Node) => boolean,
  enterFunctions = false,
): boolean {
  const keys = file.visitorKeys;
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (visit(node)) return true;
    if (node !== root && !enterFunctions && isFunction(node)) continue;
    for (const key of keys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const child of value) if (child && typeof (child as TSESTree.Node).type === 'string') stack.push(child as TSESTree.Node);
      } else if (value && typeof (value as TSESTree.Node).type === 'string') stack.push(value as TSESTree.Node);
    }
  }
  return false;
}

/** The functions enclosing a node, innermost first. */
export function enclosingFunctions(node: TSESTree.Node): FunctionNode[] {
  const out: FunctionNode[] = [];
  for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) out.push(fn);
  return out;
}

/** A function's name as its callers write it: a declaration, a `const` binding, or a class method. */
export function functionName(fn: FunctionNode): string | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.id?.name;
  const parent = parentOf(fn);
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  if ((parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.Property) && !parent.computed) {
    return parent.key.type === AST_NODE_TYPES.Identifier ? parent.key.name : parent.key.type === AST_NODE_TYPES.PrivateIdentifier ? `#${parent.key.name}` : undefined;
  }
  if (parent?.type === AST_NODE_TYPES.PropertyDefinition && parent.key.type === AST_NODE_TYPES.Identifier) return parent.key.name;
  return undefined;
}

/** Where a same-file function is called, and whether other files may call it too. */
export interface CallSites {
  readonly calls: TSESTree.CallExpression[];
  /** Exported, public, or passed around: callers this file cannot see. */
  readonly open: boolean;
}

/** The same-file call sites of a function: through its binding, or `this.method()` within its class. */
export function callSitesOf(fn: FunctionNode, file: FileInput): CallSites {
  const calls: TSESTree.CallExpression[] = [];
  const parent = parentOf(fn);
  let id: TSESTree.Identifier;
  let open: boolean;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) {
    id = fn.id;
    open = parent?.type === AST_NODE_TYPES.ExportNamedDeclaration || parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration;
  } else if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
    id = parent.id;
    open = parent.parent?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration;
  } else if (parent?.type === AST_NODE_TYPES.MethodDefinition) {
    const name = functionName(fn);
    const cls = parent.parent.parent;
    open = !(parent.key.type === AST_NODE_TYPES.PrivateIdentifier || parent.accessibility === 'private' || parent.accessibility === 'protected');
    if (name !== undefined) {
      for (const member of getFileIndex(file).thisMembers) {
        if (!contains(cls, member)) continue;
        const key = member.property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${member.property.name}` : memberName(member);
        if (key !== name) continue;
        const call = parentOf(member);
        if (call?.type === AST_NODE_TYPES.CallExpression && unwrap(call.callee) === member) calls.push(call);
        else open = true;
      }
    }
    return { calls, open };
  } else {
    return { calls, open: true };
  }
  const variable = resolveVariable(id, file.scopeManager);
  for (const reference of variable?.references ?? []) {
    const identifier = reference.identifier;
    if (identifier === id || reference.isWrite()) continue;
    const call = parentOf(identifier);
    if (call?.type === AST_NODE_TYPES.CallExpression && unwrap(call.callee) === identifier) calls.push(call);
    else open = true;
  }
  return { calls, open };
}

/** The same-file function a call invokes (`helper(...)`, `this.helper(...)`), when the file defines it. */
export function calledFunction(call: TSESTree.CallExpression | TSESTree.NewExpression, file: FileInput): FunctionNode | undefined {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const variable = resolveVariable(callee, file.scopeManager);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!def) return undefined;
    if (def.type === 'FunctionName' && isFunction(def.node)) return def.node;
    if (def.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init) {
      const init = unwrap(def.node.init);
      if (isFunction(init)) return init;
    }
    return undefined;
  }
  const member = calleeMember(call);
  if (member && member.object.type === AST_NODE_TYPES.ThisExpression) {
    const name = member.property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${member.property.name}` : memberName(member);
    let cls: TSESTree.Node | undefined = member.parent;
    while (cls && cls.type !== AST_NODE_TYPES.ClassBody) cls = cls.parent;
    if (!cls || name === undefined) return undefined;
    for (const element of (cls as TSESTree.ClassBody).body) {
      if (element.type !== AST_NODE_TYPES.MethodDefinition || element.kind !== 'method') continue;
      const key =
        element.key.type === AST_NODE_TYPES.PrivateIdentifier
          ? `#${element.key.name}`
          : !element.computed && element.key.type === AST_NODE_TYPES.Identifier
            ? element.key.name
            : undefined;
      if (key === name) return element.value.type === AST_NODE_TYPES.FunctionExpression ? element.value : undefined;
    }
  }
  return undefined;
}
