import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { constInitializer, staticValue, unwrap } from '../ast.js';
import type { FileInput } from '../model.js';
import type { StoreUse } from './analysis.js';
import type { StoreLibrary } from './catalog.js';

/** The Redis clients the catalog knows. */
export const REDIS_LIBRARIES: ReadonlySet<StoreLibrary> = new Set<StoreLibrary>(['ioredis', 'node-redis', 'upstash-redis', 'vercel-kv']);

/**
 * One Redis command as a use sends it, whatever the client's call shape: `redis.set(k, v)`,
 * `client.SET(k, v)` (node-redis), `redis.call('SET', k, v)` (ioredis), `client.sendCommand(['SET', k, v])`
 * (node-redis v4+), `client.send_command('set', [k, v], cb)` (node-redis v3).
 */
export interface RedisCommand {
  /** The command, lower-cased (`set`, `hset`, `keys`). */
  readonly name: string;
  /** The command's arguments after its name, as written. */
  readonly args: readonly TSESTree.Node[];
  readonly use: StoreUse;
  readonly call: TSESTree.CallExpression;
  /** `method`: the client's own method; `generic`: a command named in a string (`call`, `sendCommand`). */
  readonly form: 'method' | 'generic';
}

/** The command a store use sends, or undefined when it is no call or the command is not static. */
export function redisCommand(use: StoreUse, file: FileInput): RedisCommand | undefined {
  const call = use.call;
  if (!call) return undefined;
  const method = use.method.toLowerCase();
  const args = call.arguments;
  if (method === 'call' || method === 'call_buffer' || method === 'callbuffer') {
    const name = args[0] && staticValue(args[0], file);
    return typeof name === 'string' ? { name: name.toLowerCase(), args: args.slice(1), use, call, form: 'generic' } : undefined;
  }
  if (method === 'sendcommand') {
    const list = args[0] && unwrap(args[0]);
    if (list?.type !== AST_NODE_TYPES.ArrayExpression) return undefined;
    const first = list.elements[0];
    const name = first && first.type !== AST_NODE_TYPES.SpreadElement ? staticValue(first, file) : undefined;
    if (typeof name !== 'string') return undefined;
    const rest = list.elements.slice(1).filter((element): element is TSESTree.Expression => !!element);
    return { name: name.toLowerCase(), args: rest, use, call, form: 'generic' };
  }
  if (method === 'send_command') {
    const name = args[0] && staticValue(args[0], file);
    if (typeof name !== 'string') return undefined;
    const list = args[1] && unwrap(args[1]);
    const rest = list?.type === AST_NODE_TYPES.ArrayExpression ? list.elements.filter((element): element is TSESTree.Expression => !!element) : [];
    return { name: name.toLowerCase(), args: rest, use, call, form: 'generic' };
  }
  return { name: method, args, use, call, form: 'method' };
}

/** True when a call argument list spreads something in: its real arguments are unknown. */
export function hasSpreadArgument(args: readonly TSESTree.Node[]): boolean {
  return args.some((arg) => arg.type === AST_NODE_TYPES.SpreadElement);
}

/**
 * A key's identity for "is this the same key?": its static value when known (`'user:1'`, a
 * `const`), else its source text without spaces, following `const key = ...` to the initialiser.
 */
export function keyIdentity(node: TSESTree.Node, file: FileInput, depth = 0): string {
  const value = staticValue(node, file);
  if (typeof value === 'string') return `s:${value}`;
  const expression = unwrap(node);
  if (expression.type === AST_NODE_TYPES.Identifier && depth < 4) {
    const init = constInitializer(expression, file);
    if (init) return keyIdentity(init, file, depth + 1);
  }
  return `t:${file.text.slice(expression.range[0], expression.range[1]).replace(/\s+/g, '')}`;
}

/** What a key's text shows statically: the whole key when static, its leading static prefix, and every static piece. */
export interface KeyText {
  readonly full: string | undefined;
  readonly prefix: string;
  readonly pieces: readonly string[];
}

/** The static text of a key: `'user:1'`, `` `user:${id}` `` (prefix `user:`), `'user:' + id`, a `const` of those. */
export function keyText(node: TSESTree.Node, file: FileInput, depth = 0): KeyText {
  const value = staticValue(node, file);
  if (typeof value === 'string') return { full: value, prefix: value, pieces: [value] };
  const expression = unwrap(node);
  if (depth > 4) return { full: undefined, prefix: '', pieces: [] };
  switch (expression.type) {
    case AST_NODE_TYPES.TemplateLiteral: {
      const pieces = expression.quasis.map((quasi) => quasi.value.cooked ?? '');
      let prefix = pieces[0] ?? '';
      // Leading expressions that are static extend the prefix (`${PREFIX}:${id}`).
      for (let i = 0; i < expression.expressions.length; i++) {
        const part = staticValue(expression.expressions[i]!, file);
        if (typeof part !== 'string') break;
        prefix += part + (pieces[i + 1] ?? '');
      }
      const statics = expression.expressions.map((part) => staticValue(part, file)).filter((part): part is string => typeof part === 'string');
      return { full: undefined, prefix, pieces: [...pieces, ...statics].filter(Boolean) };
    }
    case AST_NODE_TYPES.BinaryExpression: {
      if (expression.operator !== '+') break;
      const left = keyText(expression.left, file, depth + 1);
      const right = keyText(expression.right, file, depth + 1);
      const prefix = left.full !== undefined ? left.full + right.prefix : left.prefix;
      return { full: undefined, prefix, pieces: [...left.pieces, ...right.pieces] };
    }
    case AST_NODE_TYPES.Identifier: {
      const init = constInitializer(expression, file);
      if (init) return keyText(init, file, depth + 1);
      break;
    }
    default:
      break;
  }
  return { full: undefined, prefix: '', pieces: [] };
}

/** A key expression that can be written twice without changing what runs: names, literals, member reads, templates of those. */
export function isRepeatable(node: TSESTree.Node): boolean {
  const expression = node.type === AST_NODE_TYPES.TSAsExpression || node.type === AST_NODE_TYPES.TSNonNullExpression ? node.expression : node;
  switch (expression.type) {
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.ThisExpression:
      return true;
    case AST_NODE_TYPES.MemberExpression:
      return isRepeatable(expression.object) && (!expression.computed || isRepeatable(expression.property));
    case AST_NODE_TYPES.TemplateLiteral:
      return expression.expressions.every(isRepeatable);
    case AST_NODE_TYPES.BinaryExpression:
      return expression.operator === '+' && isRepeatable(expression.left) && isRepeatable(expression.right);
    default:
      return false;
  }
}

/** Shortens a key's source text for a message. */
export function keyLabel(node: TSESTree.Node, file: FileInput): string {
  const text = file.text.slice(node.range[0], node.range[1]).replace(/\s+/g, ' ');
  return text.length > 48 ? `${text.slice(0, 45)}...` : text;
}

/** The location of a method call from the method's name to the closing parenthesis (`set(k, v)` in `redis.pipeline().set(k, v)`). */
export function methodLoc(call: TSESTree.CallExpression): TSESTree.SourceLocation {
  const callee = unwrap(call.callee);
  const start = callee.type === AST_NODE_TYPES.MemberExpression ? callee.property.loc.start : call.loc.start;
  return { start, end: call.loc.end };
}

/** True for a word that occurs in `text` as a whole identifier. */
export function mentions(text: string, name: string): boolean {
  return new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`).test(text);
}
