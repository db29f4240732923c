import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { enclosingFunction, isFunction, memberName, propertyKey, resolveVariable } from '../ast.js';
import { contains } from '../analysis/file-index.js';
import type { FileInput, VariableLike } from '../model.js';
import { stripTs } from './cache-aside.js';

/*
 * The run-time inputs an expression depends on, for cache-key completeness.
 *
 * An input is a parameter or local of an enclosing function (or an identity field such as
 * `this.tenantId`), with the static access path read from it: `req.query.page`,
 * `url.searchParams.get('sort')`, `session.user.id`. Locals are followed to what they were
 * computed from (`const offset = (page - 1) * size` → `page`, `size`), so a key that names `page`
 * covers a fetch that reads `offset`. Not inputs: module-level bindings and imports, globals,
 * `this.<service>` fields, values made from literals, the clock and randomness, and whatever is
 * only called (`db.query(...)`, `this.repo.find(...)`: services, not data).
 */

/** One input: a variable (or `this`) and the access path read from it. */
export interface Input {
  /** The variable; undefined for `this.<field>`. */
  readonly variable: VariableLike | undefined;
  /** `this` or the variable's name. */
  readonly root: string;
  readonly path: readonly string[];
  /** The expression that reads it, where it was first seen (for messages and suggestions). */
  readonly node: TSESTree.Node;
  /** The reading expression as written at `node` (`page`, `q.page`, `req.query.page`). */
  readonly text: string;
  /** The input spelled from its root: `req.query.page`, `url.searchParams.get('sort')`, `this.tenantId`. */
  readonly canonical: string;
  /**
   * For a part of a parsed URL (`url.searchParams.get('page')` with `const url = new URL(req.url)`):
   * the URL it was parsed from. A key naming that whole URL covers the part; a key naming another
   * part of the same parsed URL does not.
   */
  readonly via?: readonly Input[];
}

/** How an expression is read: `fetch` skips services (callees); `key` treats everything as data. */
export type InputMode = 'fetch' | 'key';

export interface InputOptions {
  /** Names (of a root or of the last path segment) never treated as inputs. */
  readonly ignore: ReadonlySet<string>;
}

/** Names that are never data: cancellation, tracing, logging and transaction handles. */
export const DEFAULT_IGNORED_INPUTS: readonly string[] = [
  'signal',
  'abortSignal',
  'logger',
  'log',
  'tracer',
  'span',
  'trx',
  'tx',
  'transaction',
  'em',
  'entityManager',
  'queryRunner',
];

/**
 * `this.<field>` names that carry identity or the request (request-scoped NestJS services): key
 * inputs although they live on the instance. Other fields (`this.db`, `this.config`) are stable.
 */
const IDENTITY_FIELD = /^((user|tenant|account|org|organization|organisation|workspace|team|customer|member|project|locale)(Id|ID|_id|Key)?|request|req|ctx|context|session|currentUser)$/;

/** Methods that read or reshape data without I/O: their receiver is data, not a service. */
const PURE_METHODS = new Set([
  'get',
  'getAll',
  'has',
  'param',
  'header',
  'query',
  'toString',
  'toLowerCase',
  'toUpperCase',
  'trim',
  'join',
  'split',
  'slice',
  'map',
  'filter',
  'sort',
  'toISOString',
  'valueOf',
  'at',
  'concat',
  'flat',
  'entries',
  'keys',
  'values',
]);

/** Logging calls: inputs passed only to them are not inputs of the cached computation. */
const LOG_METHODS = new Set(['log', 'debug', 'info', 'warn', 'error', 'trace', 'fatal', 'verbose']);

const TIME_OR_RANDOM = /^(Date\.now|new Date|performance\.now|Math\.random|crypto\.randomUUID|randomUUID|process\.hrtime)/;

/**
 * The inputs of `expression`. `scope` is the expression itself when its own declarations are
 * internal (a fetcher callback); locals declared inside it are not inputs, but what they are
 * computed from is, since the whole expression is read.
 */
export function inputsOf(expression: TSESTree.Node, mode: InputMode, file: FileInput, options: InputOptions): Input[] {
  const state: WalkState = { file, options, mode, out: [], seen: new Set(), resolving: new Set(), scope: expression };
  visit(expression, mode === 'key' ? 'data' : 'callee-or-data', state, 0);
  return state.out;
}

interface WalkState {
  readonly file: FileInput;
  readonly options: InputOptions;
  readonly mode: InputMode;
  readonly out: Input[];
  readonly seen: Set<string>;
  readonly resolving: Set<VariableLike>;
  /** Declarations inside this node are internal to the computation. */
  readonly scope: TSESTree.Node;
}

type Role = 'data' | 'callee' | 'callee-or-data';

const MAX_DEPTH = 6;

function visit(node: TSESTree.Node | null | undefined, role: Role, state: WalkState, depth: number): void {
  if (!node || depth > 200) return;
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
      if (role !== 'callee') record(node, node, [], state, depth);
      return;
    case AST_NODE_TYPES.ThisExpression:
      return;
    case AST_NODE_TYPES.MemberExpression: {
      const chain = chainOf(node, state.file);
      if (chain) {
        if (role === 'callee') {
          // `db.users.find` called: a service. Computed parts of the chain are still data.
          for (const part of chain.computed) visit(part, 'data', state, depth + 1);
          if (chain.base.type !== AST_NODE_TYPES.ThisExpression || !isIdentityPath(chain.path)) return;
          // `this.tenantId.toString()`: fall through to record the identity.
        }
        record(chain.base, node, chain.path, state, depth);
        for (const part of chain.computed) visit(part, 'data', state, depth + 1);
        return;
      }
      visit(node.object, role === 'callee' ? 'callee' : 'data', state, depth + 1);
      if (node.computed) visit(node.property, 'data', state, depth + 1);
      return;
    }
    case AST_NODE_TYPES.CallExpression: {
      if (isLogCall(node, state.file)) return;
      const callee = stripTs(node.callee);
      // `url.searchParams.get('page')`, `ids.join(',')`: the receiver is data.
      if (role !== 'callee' && callee.type === AST_NODE_TYPES.MemberExpression && PURE_METHODS.has(memberName(callee) ?? '')) {
        const chain = chainOf(node, state.file);
        if (chain) {
          record(chain.base, node, chain.path, state, depth);
          for (const part of chain.computed) visit(part, 'data', state, depth + 1);
        } else {
          visit(callee.object, 'data', state, depth + 1);
        }
        for (const argument of node.arguments) visit(argument, 'data', state, depth + 1);
        return;
      }
      visit(callee, state.mode === 'key' ? 'data' : 'callee', state, depth + 1);
      const factory = state.mode === 'key' ? factoryParams(callee, state.file) : undefined;
      node.arguments.forEach((argument, i) => {
        // A key factory that ignores a parameter does not put that argument in the key.
        if (factory && factory[i] === false) return;
        visit(argument, 'data', state, depth + 1);
      });
      return;
    }
    case AST_NODE_TYPES.NewExpression:
      visit(node.callee, 'callee', state, depth + 1);
      for (const argument of node.arguments) visit(argument, 'data', state, depth + 1);
      return;
    case AST_NODE_TYPES.Property:
      if (node.computed) visit(node.key, 'data', state, depth + 1);
      visit(node.value, 'data', state, depth + 1);
      return;
    case AST_NODE_TYPES.ExpressionStatement:
      // A statement that only logs reads nothing the value depends on.
      if (stripTs(node.expression).type === AST_NODE_TYPES.CallExpression && isLogCall(stripTs(node.expression) as TSESTree.CallExpression, state.file)) {
        return;
      }
      visit(node.expression, 'callee-or-data', state, depth + 1);
      return;
    case AST_NODE_TYPES.AwaitExpression:
      visit(node.argument, role, state, depth + 1);
      return;
    case AST_NODE_TYPES.AssignmentExpression:
      // `x = value` writes x; `a.b = value` reads a's computed keys only.
      if (node.left.type === AST_NODE_TYPES.MemberExpression && node.left.computed) visit(node.left.property, 'data', state, depth + 1);
      visit(node.right, 'data', state, depth + 1);
      return;
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
    case AST_NODE_TYPES.ChainExpression:
      visit(node.expression, role, state, depth + 1);
      return;
    case AST_NODE_TYPES.LabeledStatement:
      visit(node.body, role, state, depth + 1);
      return;
    case AST_NODE_TYPES.BreakStatement:
    case AST_NODE_TYPES.ContinueStatement:
      return;
    default:
      break;
  }
  if (node.type.startsWith('TS') && node.type !== AST_NODE_TYPES.TSParameterProperty) return;
  const keys = state.file.visitorKeys[node.type] ?? [];
  for (const key of keys) {
    if (key === 'typeAnnotation' || key === 'typeArguments' || key === 'typeParameters' || key === 'returnType' || key === 'decorators') continue;
    // Parameters of nested functions are internal; their defaults are data.
    if (key === 'params' && isFunction(node)) {
      for (const param of node.params) if (param.type === AST_NODE_TYPES.AssignmentPattern) visit(param.right, 'data', state, depth + 1);
      continue;
    }
    if (key === 'id' && (node.type === AST_NODE_TYPES.VariableDeclarator || isFunction(node))) continue;
    const value = (node as unknown as Record<string, unknown>)[key];
    const childRole: Role = role === 'callee' ? 'callee-or-data' : role;
    if (Array.isArray(value)) {
      for (const child of value) if (child && typeof (child as TSESTree.Node).type === 'string') visit(child as TSESTree.Node, childRole, state, depth + 1);
    } else if (value && typeof (value as TSESTree.Node).type === 'string') {
      visit(value as TSESTree.Node, childRole, state, depth + 1);
    }
  }
}

/** Path segment for `new URL(...)` around the rest of the chain. */
const URL_PARSE = 'URL()';

interface Chain {
  readonly base: TSESTree.Identifier | TSESTree.ThisExpression;
  readonly path: string[];
  /** Computed keys along the chain that are not static (`a[b]`): read as data. */
  readonly computed: TSESTree.Node[];
}

/** `req.query.page`, `url.searchParams.get('sort')`, `this.tenantId`, `a[b].c` (base `a`, path `[]`, computed `b`). */
function chainOf(node: TSESTree.Node, file: FileInput): Chain | undefined {
  const path: string[] = [];
  const computed: TSESTree.Node[] = [];
  let current = stripTs(node);
  let open = true;
  for (let guard = 0; guard < 32; guard++) {
    if (current.type === AST_NODE_TYPES.Identifier || current.type === AST_NODE_TYPES.ThisExpression) {
      return { base: current, path: path.reverse(), computed };
    }
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      const name = memberName(current);
      if (name === undefined) {
        computed.push(current.property);
        open = false;
      } else if (open) {
        path.push(name);
      }
      current = stripTs(current.object);
      continue;
    }
    // `new URL(req.url).searchParams`: parsing keeps the path (`req.url` → `URL()` → `searchParams`).
    if (current.type === AST_NODE_TYPES.NewExpression) {
      const callee = stripTs(current.callee);
      const first = current.arguments[0];
      if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'URL' || !first || first.type === AST_NODE_TYPES.SpreadElement) return undefined;
      if (!open) return undefined;
      path.push(URL_PARSE);
      for (const argument of current.arguments.slice(1)) computed.push(argument);
      current = stripTs(first);
      continue;
    }
    if (current.type === AST_NODE_TYPES.CallExpression) {
      const callee = stripTs(current.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
      const name = memberName(callee);
      if (name === undefined || !PURE_METHODS.has(name)) return undefined;
      const first = current.arguments[0];
      const literal = first && first.type === AST_NODE_TYPES.Literal && typeof first.value === 'string' && current.arguments.length === 1;
      if (open && literal && (name === 'get' || name === 'getAll' || name === 'param' || name === 'header' || name === 'query' || name === 'has')) {
        path.push(`${name}(${file.text.slice(first.range[0], first.range[1])})`);
      } else {
        // `ids.join(',')`: a reshaping of the whole receiver; the path stops at the receiver.
        path.length = 0;
        for (const argument of current.arguments) computed.push(argument);
        open = true;
      }
      current = stripTs(callee.object);
      continue;
    }
    return undefined;
  }
  return undefined;
}

function isIdentityPath(path: readonly string[]): boolean {
  return path.length > 0 && IDENTITY_FIELD.test(path[0]!);
}

function isLogCall(call: TSESTree.CallExpression, file: FileInput): boolean {
  const callee = stripTs(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = memberName(callee);
  if (name === undefined || !LOG_METHODS.has(name)) return false;
  const object = stripTs(callee.object);
  const text = file.text.slice(object.range[0], object.range[1]);
  return /^(console|(this\.)?_?(logger|log|logService|loggerService))$/i.test(text);
}

/** For a key factory defined in this file, which parameters its body uses (false: ignored). */
function factoryParams(callee: TSESTree.Node, file: FileInput): boolean[] | undefined {
  const fn = resolveFunction(callee, file);
  if (!fn) return undefined;
  return fn.params.map((param) => {
    if (param.type !== AST_NODE_TYPES.Identifier) return true;
    const variable = file.scopeManager?.getDeclaredVariables(fn).find((v) => v.name === param.name);
    return !variable || variable.references.length > 0;
  });
}

/** A function defined in this file that `callee` names: `keyFor`, `cacheKey.user` (a `const` object's property). */
export function resolveFunction(callee: TSESTree.Node, file: FileInput): TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | undefined {
  const node = stripTs(callee);
  if (node.type === AST_NODE_TYPES.Identifier) {
    const variable = resolveVariable(node, file.scopeManager);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!def) return undefined;
    if (def.type === 'FunctionName' && def.node.type === AST_NODE_TYPES.FunctionDeclaration) return def.node;
    if (def.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init) {
      const init = stripTs(def.node.init);
      if (isFunction(init)) return init;
    }
    return undefined;
  }
  if (node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.Identifier) {
    const name = memberName(node);
    const variable = resolveVariable(node.object, file.scopeManager);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (name === undefined || def?.type !== 'Variable' || def.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return undefined;
    const object = stripTs(def.node.init);
    if (object.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    for (const property of object.properties) {
      if (property.type !== AST_NODE_TYPES.Property || propertyKey(property) !== name) continue;
      const value = stripTs(property.value);
      return isFunction(value) ? value : undefined;
    }
  }
  return undefined;
}

/** Records the input read by `base.path` at `node`, following locals to what they were computed from. */
function record(base: TSESTree.Identifier | TSESTree.ThisExpression, node: TSESTree.Node, path: readonly string[], state: WalkState, depth: number): void {
  if (base.type === AST_NODE_TYPES.ThisExpression) {
    if (!isIdentityPath(path)) return;
    push({ variable: undefined, root: 'this', path, node, text: textOf(node, state.file), canonical: spell('this', path) }, state);
    return;
  }
  if (base.name === 'undefined' || base.name === 'arguments') return;
  if (state.options.ignore.has(base.name) || (path.length > 0 && state.options.ignore.has(path[path.length - 1]!))) return;
  const variable = resolveVariable(base, state.file.scopeManager);
  if (!variable || variable.defs.length === 0) return; // a global
  const def = variable.defs[0]!;
  // Declared inside the computation: internal (its initialiser is read as part of the walk).
  if (contains(state.scope, def.name)) return;
  // Module-level bindings and imports are the same for every call.
  if (!enclosingFunction(def.name) && def.type !== 'Parameter') return;
  switch (def.type) {
    case 'Parameter':
    case 'CatchClause':
      push(makeInput(variable, node, path, state), state);
      return;
    case 'Variable':
      followLocal(variable, def, base, node, path, state, depth);
      return;
    default:
      // Functions, classes, imports, enums: not data.
      return;
  }
}

function followLocal(
  variable: VariableLike,
  def: VariableLike['defs'][number],
  base: TSESTree.Identifier,
  node: TSESTree.Node,
  path: readonly string[],
  state: WalkState,
  depth: number,
): void {
  const declarator = def.node;
  const writes = variable.references.filter((reference) => reference.isWrite() && reference.identifier !== def.name);
  if (declarator.type !== AST_NODE_TYPES.VariableDeclarator || !declarator.init || writes.length > 0 || depth > MAX_DEPTH || state.resolving.has(variable)) {
    // Reassigned, declared without a value, or too deep: the local itself is the input.
    if (declarator.type === AST_NODE_TYPES.VariableDeclarator && declarator.init && TIME_OR_RANDOM.test(textOf(declarator.init, state.file))) return;
    push(makeInput(variable, node, path, state), state);
    return;
  }
  const init = declarator.init;
  if (TIME_OR_RANDOM.test(textOf(stripAwait(init), state.file))) return;
  const before = state.out.length;
  state.resolving.add(variable);
  const inner: WalkState = { ...state, scope: declarator };
  // `const { page } = req.query` reads `req.query.page`; `const q = req.query` then `q.page` reads `req.query.page`.
  const innerPath = declarator.id.type === AST_NODE_TYPES.ObjectPattern ? destructuredKey(declarator.id, base) : undefined;
  const initChain = chainOf(init, state.file);
  if (initChain && (declarator.id.type === AST_NODE_TYPES.Identifier || innerPath !== undefined)) {
    const extended = [...initChain.path, ...(innerPath !== undefined ? [innerPath] : []), ...path];
    record(initChain.base, node, extended, inner, depth + 1);
    for (const part of initChain.computed) visit(part, 'data', inner, depth + 1);
  } else {
    // Read apart first: a part of a parsed URL keeps its own path (see `Input.via`).
    const parts: WalkState = { ...inner, out: [], seen: new Set() };
    visit(init, 'callee-or-data', parts, depth + 1);
    const partPath = [...(innerPath !== undefined ? [innerPath] : []), ...path];
    const fromUrl = parts.out.length > 0 && partPath.length > 0 && parts.out.every((input) => URL_SEGMENT.test(input.path[input.path.length - 1] ?? ''));
    if (fromUrl) {
      push({ ...makeInput(variable, node, partPath, state), via: parts.out }, state);
      state.resolving.delete(variable);
      return;
    }
    // One input under another name (`const page = Number(searchParams.get('page'))`): show the name the code reads.
    const alias = parts.out.length === 1 && path.length === 0 && innerPath === undefined && node.type === AST_NODE_TYPES.Identifier && isConversion(init);
    for (const input of parts.out) push(alias ? { ...input, node, text: textOf(node, state.file) } : input, state);
  }
  // `where.category = category`: properties added after the declaration are read too.
  for (const reference of variable.references) {
    const member = reference.identifier.parent;
    const assignment = member?.parent;
    if (member?.type === AST_NODE_TYPES.MemberExpression && member.object === reference.identifier && assignment?.type === AST_NODE_TYPES.AssignmentExpression && assignment.left === member) {
      visit(assignment.right, 'data', inner, depth + 1);
    }
  }
  state.resolving.delete(variable);
  // Computed from nothing that varies (`const limit = 20`): stable. From a call with no inputs
  // (`const session = await auth()`): the local itself varies per call and is the input.
  if (state.out.length === before && variesPerCall(init)) push(makeInput(variable, node, path, state), state);
}

/** `Number(x)`, `String(x) ?? ''`, `parseInt(x, 10)`, `x ?? 'all'`: the same input under another name. */
function isConversion(init: TSESTree.Node): boolean {
  const node = stripAwait(init);
  if (node.type === AST_NODE_TYPES.LogicalExpression) return isConversion(node.left);
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const callee = stripTs(node.callee);
    if (callee.type === AST_NODE_TYPES.Identifier) return /^(Number|String|Boolean|BigInt|parseInt|parseFloat|decodeURIComponent)$/.test(callee.name);
    return callee.type === AST_NODE_TYPES.MemberExpression && PURE_METHODS.has(memberName(callee) ?? '');
  }
  return node.type === AST_NODE_TYPES.MemberExpression || node.type === AST_NODE_TYPES.Identifier;
}

function destructuredKey(pattern: TSESTree.ObjectPattern, base: TSESTree.Identifier): string | undefined {
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
    if (value.type === AST_NODE_TYPES.Identifier && value.name === base.name) return propertyKey(property);
  }
  return undefined;
}

function variesPerCall(init: TSESTree.Node): boolean {
  const node = stripAwait(init);
  return node.type === AST_NODE_TYPES.CallExpression || init.type === AST_NODE_TYPES.AwaitExpression;
}

function stripAwait(node: TSESTree.Node): TSESTree.Node {
  const inner = stripTs(node);
  return inner.type === AST_NODE_TYPES.AwaitExpression ? stripTs(inner.argument) : inner;
}

function makeInput(variable: VariableLike, node: TSESTree.Node, path: readonly string[], state: WalkState): Input {
  return { variable, root: variable.name, path, node, text: textOf(node, state.file), canonical: spell(variable.name, path) };
}

/** `req` + `['query', 'page']` → `req.query.page`; `get('sort')` segments are calls. */
export function spell(root: string, path: readonly string[]): string {
  let out = root;
  for (const segment of path) {
    if (segment === URL_PARSE) out = `new URL(${out})`;
    else if (/^[A-Za-z_$][\w$]*\(.*\)$/.test(segment)) out += `.${segment}`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) out += `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

function push(input: Input, state: WalkState): void {
  const id = `${input.root}\u0000${input.path.join('\u0000')}\u0000${input.variable ? input.variable.defs[0]?.name.range[0] : 'this'}`;
  if (state.seen.has(id)) return;
  state.seen.add(id);
  state.out.push(input);
}

function textOf(node: TSESTree.Node, file: FileInput): string {
  return file.text.slice(node.range[0], node.range[1]);
}

/** True when `key` covers `input`: the same variable, with one access path a prefix of the other. */
export function covers(key: Input, input: Input): boolean {
  if (coversDirectly(key, input)) return true;
  if (input.via?.some((source) => coversDirectly(key, source))) return true;
  return !!key.via?.some((source) => coversDirectly(source, input));
}

function coversDirectly(key: Input, input: Input): boolean {
  if (key.variable !== input.variable || key.root !== input.root) return false;
  const n = Math.min(key.path.length, input.path.length);
  let i = 0;
  while (i < n && key.path[i] === input.path[i]) i++;
  if (i === n) return true;
  // `req.originalUrl`, `ctx.url`, `c.req.url`, `request.url` contain the path and the query string.
  return key.path.length === i + 1 && URL_SEGMENT.test(key.path[i]!) && URL_PART.test(input.path[i]!);
}

/** Request properties holding the whole URL. */
const URL_SEGMENT = /^(url|originalUrl|href|path|querystring|search)$/;
/** Request properties read from the URL: the path parameters and the query string. */
const URL_PART = /^(query|params|searchParams|nextUrl|pathname|search|querystring|path|url|param\(.*\)|query\(.*\)|queries\(.*\))$/;
