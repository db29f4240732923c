import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { constInitializer, memberName, parentOf, propertyKey, unwrap } from '../../core/ast.js';
import { getFileIndex } from '../../core/analysis/file-index.js';
import { originOf } from '../../core/analysis/origins.js';
import type { FileInput, TextEdit } from '../../core/model.js';
import { getStoreAnalysis, type StoreSite, type StoreUse } from '../../core/stores/analysis.js';
import { callMember, hasSpread, isSideEffectFree, numericValue, property, references, renameMember, resultUnused, textOf, usesThisOrArguments, type Mark } from './shared.js';
import type { Migration } from './types.js';

/** node-redis v3 lowercase command methods whose v4 names are camelCase (same arguments). */
const CAMEL = new Map(
  (
    'bgRewriteAof bgSave bitOp bitPos dbSize decrBy evalSha expireAt flushAll flushDb getBit getDel getRange getSet hDel hExists hGet hGetAll hIncrBy ' +
    'hIncrByFloat hKeys hLen hmGet hRandField hScan hSet hSetNX hStrLen hVals incrBy incrByFloat lastSave lIndex lInsert lLen lMove lPop lPos lPush ' +
    'lPushX lRange lRem lSet lTrim mGet mSet mSetNX pExpire pExpireAt pfAdd pfMerge pTTL randomKey renameNX replicaOf rPop rPopLPush rPush rPushX sAdd ' +
    'sCard sDiff sDiffStore setBit setNX setRange sInter sInterStore sIsMember sMembers sMove sPop sRandMember sRem sScan strLen sUnion sUnionStore ' +
    'swapDb zAdd zCard zCount zIncrBy zRange zRangeByScore zRangeByLex zRank zRem zRemRangeByRank zRemRangeByScore zRevRank zScan zScore'
  )
    .split(' ')
    .map((name) => [name.toLowerCase(), name] as const),
);
CAMEL.set('hmset', 'hSet');
/** Commands whose v3 variadic arguments are one array in v4: from the first argument, or after the key. */
const VARIADIC_ALL = new Set(['del', 'exists', 'unlink', 'touch', 'mget', 'watch', 'sinter', 'sunion', 'sdiff']);
const VARIADIC_AFTER_KEY = new Set(['sadd', 'srem', 'lpush', 'rpush', 'hdel', 'zrem', 'pfadd', 'hmget']);
/** Commands v4 dropped or reshaped beyond a rename. */
const RESHAPED: ReadonlyMap<string, string> = new Map([
  ['zrevrange', 'ZREVRANGE is `zRange(key, start, stop, { REV: true })` in v4'],
  ['zrevrangebyscore', 'ZREVRANGEBYSCORE is `zRange(key, max, min, { BY: "SCORE", REV: true })` in v4'],
  ['batch', 'batch() is `multi()` run with `execAsPipeline()` in v4'],
  ['send_command', 'send_command is `sendCommand([name, ...args])` in v4'],
]);
const SET_FLAGS = new Set(['EX', 'PX', 'EXAT', 'PXAT']);
const SET_SWITCHES = new Set(['NX', 'XX', 'KEEPTTL', 'GET']);
const PUBSUB_EVENTS = new Set(['message', 'pmessage', 'message_buffer', 'pmessage_buffer', 'subscribe', 'psubscribe', 'unsubscribe', 'punsubscribe']);

/**
 * node-redis v3 → v4 (also valid on v5) and SETEX/PSETEX → SET with an expiry for node-redis
 * and ioredis. Only clients created from the `redis`/`ioredis` imports are touched.
 */
export const redis: Migration = {
  name: 'redis',
  description: 'node-redis v3 → v4/v5: camelCase commands, SET options objects, arrays for variadic commands, createClient options, trivial callbacks → promises; SETEX/PSETEX → SET EX/PX (node-redis and ioredis)',
  package: 'redis',
  alsoFor: ['ioredis'],
  targetMajor: 4,
  // ioredis code only loses SETEX/PSETEX, which every ioredis version accepts as SET EX/PX: no bump.
  ranges: () => ({ redis: '^4.7.1' }),
  gate: (text) => text.includes('redis'),
  transform(file) {
    const edits: TextEdit[] = [];
    const marks: Mark[] = [];
    for (const site of getStoreAnalysis(file).stores) {
      if (site.library === 'node-redis' && site.origin?.source === 'redis') migrateNodeRedis(site, file, edits, marks);
      else if (site.library === 'ioredis') migrateIoredis(site, file, edits, marks);
    }
    markPromisifyAll(file, marks);
    return { edits, marks, reports: [] };
  },
};

// ---------------------------------------------------------------------------------------------
// node-redis

/** `bluebird.promisifyAll(redis.RedisClient.prototype)`: v4 has no RedisClient or Multi export, so this throws at startup. */
function markPromisifyAll(file: FileInput, marks: Mark[]): void {
  for (const call of getFileIndex(file).calls) {
    const callee = unwrap(call.callee);
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
    if (name !== 'promisifyAll' && name !== 'promisify') continue;
    const argument = call.arguments[0];
    if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) continue;
    const origin = originOf(argument, file);
    if (origin?.source !== 'redis' || !['RedisClient', 'Multi'].includes(origin.path[0] ?? '')) continue;
    marks.push({ node: call, message: `v4 has no \`${origin.path[0]}\` export (this throws at startup) and its commands already return promises: remove this and call the camelCase commands with await` });
  }
}

function migrateNodeRedis(site: StoreSite, file: FileInput, edits: TextEdit[], marks: Mark[]): void {
  const creation = site.creation?.type === AST_NODE_TYPES.CallExpression ? site.creation : undefined;
  if (creation) {
    const options = creation.arguments[0] ? unwrap(creation.arguments[0]) : undefined;
    // legacyMode keeps the v3 API on purpose.
    if (options?.type === AST_NODE_TYPES.ObjectExpression && property(options, 'legacyMode')) return;
    migrateCreateClient(creation, file, edits, marks);
    const connects = site.uses.some((use) => use.method === 'connect') || chainedConnect(creation);
    if (!connects) marks.push({ node: creation, message: 'node-redis v4 does not connect by itself: `await client.connect()` before the first command (ClientClosedError otherwise)' });
  }
  for (const use of site.uses) {
    if (use.method === 'connect' || use.method === '=') continue;
    // A client typed with v4's RedisClientType and passed in is v4 code: rewrite, but do not mark its promises.
    migrateCommand(use, file, site.provenance === 'created' ? 'node-redis' : 'node-redis-typed', edits, marks);
  }
}

function chainedConnect(creation: TSESTree.CallExpression): boolean {
  let current: TSESTree.Node = creation;
  for (let i = 0; i < 8; i++) {
    const member = parentOf(current);
    if (member?.type !== AST_NODE_TYPES.MemberExpression) return false;
    const call = parentOf(member);
    if (call?.type !== AST_NODE_TYPES.CallExpression) return false;
    if (member.property.type === AST_NODE_TYPES.Identifier && member.property.name === 'connect') return true;
    current = call;
  }
  return false;
}

/** v3 option → v4: a top-level name, or `socket.<name>`. */
const CLIENT_OPTIONS: ReadonlyMap<string, { socket?: string; top?: string }> = new Map([
  ['host', { socket: 'host' }],
  ['port', { socket: 'port' }],
  ['path', { socket: 'path' }],
  ['connect_timeout', { socket: 'connectTimeout' }],
  ['url', { top: 'url' }],
  ['password', { top: 'password' }],
  ['auth_pass', { top: 'password' }],
  ['user', { top: 'username' }],
  ['username', { top: 'username' }],
  ['db', { top: 'database' }],
  ['database', { top: 'database' }],
  ['name', { top: 'name' }],
]);

/** v3 client options that need a human, and what v4 has instead. */
const UNPORTED_OPTIONS: ReadonlyMap<string, string> = new Map([
  ['retry_strategy', 'retry_strategy is socket.reconnectStrategy in v4: (retries, cause) => delay in ms, or an Error to stop'],
  ['tls', 'tls options go in socket in v4: socket: { tls: true, ...tlsOptions }'],
  ['prefix', 'v4 has no key prefix option: prefix the keys yourself'],
  ['return_buffers', 'v4 returns buffers per command: client.withTypeMapping or commandOptions({ returnBuffers: true })'],
  ['detect_buffers', 'v4 returns buffers per command: client.withTypeMapping or commandOptions({ returnBuffers: true })'],
  ['socket_keepalive', 'socket_keepalive is socket.keepAlive in v4 (milliseconds, or false)'],
  ['no_ready_check', 'v4 has no ready check option: drop it'],
]);

function migrateCreateClient(call: TSESTree.CallExpression, file: FileInput, edits: TextEdit[], marks: Mark[]): void {
  const args = call.arguments;
  if (args.length === 0) return;
  const first = unwrap(args[0]!);
  if (first.type === AST_NODE_TYPES.ObjectExpression) {
    if (args.length > 1) return;
    if (property(first, 'socket') || property(first, 'url') && first.properties.length === 1) return;
    if (hasSpread(first)) {
      marks.push({ node: call, message: 'v4 options: host/port go in `socket: { host, port }`, db is `database`; check the spread options' });
      return;
    }
    const socket: string[] = [];
    const top: string[] = [];
    /** Per property: its v4 text (undefined: it goes into `socket`), or itself when kept as is. */
    const rewritten = new Map<TSESTree.Property, string | undefined>();
    let changed = false;
    let unported = false;
    for (const prop of first.properties) {
      if (prop.type !== AST_NODE_TYPES.Property || prop.computed) continue;
      const key = propertyKey(prop)!;
      const value = textOf(file, prop.value);
      const target = CLIENT_OPTIONS.get(key);
      if (target?.socket) {
        socket.push(`${target.socket}: ${value}`);
        rewritten.set(prop, undefined);
        changed = true;
      } else if (target?.top) {
        const text = target.top === key ? textOf(file, prop) : `${target.top}: ${value}`;
        top.push(text);
        rewritten.set(prop, text);
        changed ||= target.top !== key;
      } else if (key === 'enable_offline_queue' && prop.value.type === AST_NODE_TYPES.Literal && typeof prop.value.value === 'boolean') {
        const text = `disableOfflineQueue: ${String(!prop.value.value)}`;
        top.push(text);
        rewritten.set(prop, text);
        changed = true;
      } else {
        marks.push({ node: prop, message: UNPORTED_OPTIONS.get(key) ?? `\`${key}\` is not a v4 client option: port it by hand` });
        top.push(textOf(file, prop));
        rewritten.set(prop, textOf(file, prop));
        unported = true;
      }
    }
    if (!changed) return;
    const parts = [...(socket.length > 0 ? [`socket: { ${socket.join(', ')} }`] : []), ...top];
    const multiline = file.text.slice(first.range[0], first.range[1]).includes('\n');
    if (!multiline) {
      edits.push({ range: first.range, text: `{ ${parts.join(', ')} }` });
      return;
    }
    // One line per property: edit each line on its own, so that the marker above an unported
    // option (and any comment) stays where it is, and the next run finds a v4 object with its marker.
    const lines = first.properties.map((prop) => ownLine(prop, file));
    if (lines.every((line) => line !== undefined)) {
      let socketDone = false;
      for (const [i, prop] of first.properties.entries()) {
        const line = lines[i]!;
        if (prop.type !== AST_NODE_TYPES.Property || !rewritten.has(prop)) continue;
        const text = rewritten.get(prop);
        if (text === undefined) {
          edits.push({ range: [line.start, line.end], text: socketDone ? '' : `${line.indent}socket: { ${socket.join(', ')} },${line.eol}` });
          socketDone = true;
        } else if (text !== textOf(file, prop)) {
          edits.push({ range: prop.range, text });
        }
      }
      return;
    }
    if (unported) {
      // Properties share lines: a rebuilt object would lose the markers; leave it to the human.
      marks.push({ node: creationOf(first), message: 'v4 options: host/port go in `socket: { host, port }`, db is `database`' });
      return;
    }
    const firstProp = first.properties[0]!;
    const indent = file.text.slice(file.text.lastIndexOf('\n', firstProp.range[0]) + 1, firstProp.range[0]);
    const closing = file.text.slice(file.text.lastIndexOf('\n', first.range[1]) + 1, first.range[1] - 1);
    edits.push({ range: first.range, text: `{\n${parts.map((p) => `${indent}${p},`).join('\n')}\n${closing}}` });
    return;
  }
  const kind = argumentKind(first, file);
  if (args.length === 1 && kind === 'url') {
    edits.push({ range: args[0]!.range, text: `{ url: ${textOf(file, args[0]!)} }` });
    return;
  }
  if (args.length === 1 && kind === 'path') {
    edits.push({ range: args[0]!.range, text: `{ socket: { path: ${textOf(file, args[0]!)} } }` });
    return;
  }
  // createClient(port) / createClient(port, host): only a port the file states as a number.
  const host = args[1];
  if (args.length <= 2 && kind === 'port' && (!host || (host.type !== AST_NODE_TYPES.SpreadElement && unwrap(host).type !== AST_NODE_TYPES.ObjectExpression))) {
    const port = portText(args[0]!, file);
    const socketText = host ? `port: ${port}, host: ${textOf(file, host)}` : `port: ${port}`;
    edits.push({ range: [args[0]!.range[0], args[args.length - 1]!.range[1]], text: `{ socket: { ${socketText} } }` });
    return;
  }
  if (args.length === 1 && kind === 'unknown') {
    marks.push({
      node: call,
      message:
        'v3 read this argument as a redis:// URL, a Unix socket path or a port, and the file does not show which: v4 takes createClient({ url }), createClient({ socket: { path } }) or createClient({ socket: { port: Number(x) } })',
    });
    return;
  }
  marks.push({ node: call, message: 'v4 takes one options object: createClient({ url }) or createClient({ socket: { host, port }, password, database })' });
}

/** The createClient call an options object is the argument of. */
function creationOf(object: TSESTree.ObjectExpression): TSESTree.Node {
  return object.parent ?? object;
}

/** The whole line a property sits alone on (with its comma), or undefined when it shares its line. */
function ownLine(prop: TSESTree.Node, file: FileInput): { start: number; end: number; indent: string; eol: string } | undefined {
  const start = file.text.lastIndexOf('\n', prop.range[0] - 1) + 1;
  const indent = file.text.slice(start, prop.range[0]);
  if (indent.trim() !== '') return undefined;
  const rest = /^\s*,?[ \t]*(\r?\n)/.exec(file.text.slice(prop.range[1]));
  if (!rest) return undefined;
  return { start, end: prop.range[1] + rest[0].length, indent, eol: rest[1]! };
}

/** What a createClient argument is, as far as the file proves it (v3 took a URL, a socket path or a port there). */
function argumentKind(node: TSESTree.Node, file: FileInput, depth = 0): 'url' | 'path' | 'port' | 'unknown' {
  const expression = unwrap(node);
  if (depth > 4) return 'unknown';
  if (numericValue(expression, file) !== undefined) return 'port';
  const literal = staticString(expression);
  if (literal !== undefined) {
    if (/^\d+$/.test(literal)) return 'port';
    if (/^rediss?:\/\//i.test(literal)) return 'url';
    if (literal.startsWith('/')) return 'path';
    return 'unknown';
  }
  // `redis://${host}:${port}`: the scheme is in the text.
  if (expression.type === AST_NODE_TYPES.TemplateLiteral && /^rediss?:\/\//i.test(expression.quasis[0]?.value.cooked ?? '')) return 'url';
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const init = constInitializer(expression, file);
    return init ? argumentKind(init, file, depth + 1) : 'unknown';
  }
  return 'unknown';
}

function staticString(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** A port as v4 wants it: a number (`'6380'` → `6380`). */
function portText(node: TSESTree.Node, file: FileInput): string {
  const literal = staticString(unwrap(node));
  return literal !== undefined && /^\d+$/.test(literal) ? literal : textOf(file, node);
}

function migrateCommand(use: StoreUse, file: FileInput, flavour: 'node-redis' | 'node-redis-typed' | 'ioredis', edits: TextEdit[], marks: Mark[]): void {
  const library = flavour === 'ioredis' ? 'ioredis' : 'node-redis';
  const call = use.call;
  const member = call ? callMember(call) : use.node.type === AST_NODE_TYPES.MemberExpression ? use.node : undefined;
  if (!member || member.computed) return;
  const method = use.method;
  if (!call) {
    // promisify(client.get).bind(client), client.getAsync (bluebird): v4 commands already return promises.
    if (library === 'node-redis' && (CAMEL.has(method) || ['get', 'set', 'del', 'expire', 'incr', 'keys', 'exists', 'ttl', 'setex'].includes(method) || method.endsWith('Async'))) {
      marks.push({ node: member, message: 'v4 commands return promises: call the command directly (camelCase names, e.g. hGetAll) instead of promisifying it' });
    }
    return;
  }
  if (library === 'node-redis' && method.endsWith('Async') && method.length > 5) {
    marks.push({ node: call, message: 'v4 commands return promises: call the command directly instead of the promisified `*Async` copy' });
    return;
  }
  const args = call.arguments;
  if (method === 'setex' || method === 'psetex' || method === 'setEx' || method === 'pSetEx') {
    setexToSet(call, member, method.toLowerCase() === 'setex' ? 'EX' : 'PX', file, library, edits, marks);
    if (library === 'ioredis') return;
  }
  if (library === 'ioredis') return;
  if (method === 'on' || method === 'once' || method === 'addListener') {
    const event = args[0] ? unwrap(args[0]) : undefined;
    if (event?.type === AST_NODE_TYPES.Literal && typeof event.value === 'string' && PUBSUB_EVENTS.has(event.value)) {
      marks.push({ node: call, message: `v4 has no '${event.value}' event: pass a listener to subscribe()/pSubscribe() on a dedicated (duplicate()) connection` });
    }
    return;
  }
  if ((method === 'subscribe' || method === 'psubscribe') && !args.some((a) => isFunctionNode(a))) {
    marks.push({ node: call, message: 'v4 subscribe takes the listener: `await subscriber.subscribe(channel, (message) => ...)`' });
    return;
  }
  const reshaped = RESHAPED.get(method);
  if (reshaped) {
    marks.push({ node: call, message: reshaped });
    return;
  }
  if (method === 'end') {
    edits.push({ range: [member.property.range[0], call.range[1]], text: 'disconnect()' });
    return;
  }
  // Callbacks first: they decide whether the call can be rewritten at all.
  const last = args[args.length - 1];
  let callbackEdit: TextEdit[] | undefined;
  let commandArgs = args;
  if (last && (isFunctionNode(last) || isCallbackReference(last, method))) {
    callbackEdit = callbackToPromise(call, last, file, marks);
    if (!callbackEdit) return;
    commandArgs = args.slice(0, -1);
  }
  if (method !== 'setex' && method !== 'psetex' && method !== 'setEx' && method !== 'pSetEx') {
    const renamed = CAMEL.get(method);
    if (renamed) {
      const edit = renameMember(member, renamed);
      if (edit) edits.push(edit);
    }
    const argsEdit = reshapeArguments(method, call, commandArgs, file, marks);
    if (argsEdit === null) return;
    if (argsEdit) edits.push(argsEdit);
  }
  if (callbackEdit) edits.push(...callbackEdit);
  else if (flavour === 'node-redis' && use.via === 'direct' && !NOT_COMMANDS.has(method) && call.parent?.type === AST_NODE_TYPES.ExpressionStatement) {
    // v3 sent a failed command without a callback to the 'error' event; a v4 promise nobody awaits rejects unhandled.
    marks.push({ node: call, message: 'v4 returns a promise: await it or add .catch(), or a failure becomes an unhandled rejection (v3 emitted it as an error event)' });
  }
}

/** Client methods that are not Redis commands returning a promise to handle. */
const NOT_COMMANDS = new Set(['on', 'once', 'off', 'addListener', 'removeListener', 'emit', 'multi', 'batch', 'duplicate', 'quit', 'end', 'disconnect', 'unref', 'ref']);

function isFunctionNode(node: TSESTree.Node): node is TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression {
  return node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression;
}

/** `client.get(key, cb)`, `client.set(k, v, redis.print)`: a callback passed by reference (v3's last argument). */
function isCallbackReference(node: TSESTree.Node, method: string): boolean {
  if (method === 'exec' || method === 'quit') return node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression;
  if (node.type === AST_NODE_TYPES.Identifier) return /^(cb|callback|done|next|fn|handler)$/i.test(node.name);
  return node.type === AST_NODE_TYPES.MemberExpression && node.property.type === AST_NODE_TYPES.Identifier && node.property.name === 'print';
}

/** Arguments v4 takes differently: SET flags → options, variadic → arrays, hmset/zadd shapes. undefined: unchanged; null: marked. */
function reshapeArguments(method: string, call: TSESTree.CallExpression, args: readonly TSESTree.CallExpressionArgument[], file: FileInput, marks: Mark[]): TextEdit | undefined | null {
  if (args.some((a) => a.type === AST_NODE_TYPES.SpreadElement)) {
    if (VARIADIC_ALL.has(method) || VARIADIC_AFTER_KEY.has(method) || method === 'set') {
      marks.push({ node: call, message: 'v4 takes variadic keys/members as one array and SET flags as an options object: rewrite the spread' });
      return null;
    }
    return undefined;
  }
  const span = (from: number): [number, number] => [args[from]!.range[0], args[args.length - 1]!.range[1]];
  const list = (from: number) => `[${args.slice(from).map((a) => textOf(file, a)).join(', ')}]`;
  if (method === 'set' && args.length > 2) {
    const options = setFlags(args.slice(2), file);
    if (options === undefined) {
      if (unwrap(args[2]!).type === AST_NODE_TYPES.ObjectExpression) return undefined;
      marks.push({ node: call, message: "v4 SET takes options: set(key, value, { EX: seconds, NX: true }); these flags are not literal: rewrite them" });
      return null;
    }
    return { range: span(2), text: options };
  }
  if (VARIADIC_ALL.has(method) && args.length > 1) return { range: span(0), text: list(0) };
  if (VARIADIC_AFTER_KEY.has(method) && args.length > 2) return { range: span(1), text: list(1) };
  if ((method === 'hmset' || method === 'hset') && args.length > 3) return { range: span(1), text: list(1) };
  if (method === 'mset' && args.length > 1) return { range: span(0), text: list(0) };
  if (method === 'zadd' && args.length >= 3) {
    const pairs = args.slice(1);
    if (pairs.length % 2 !== 0 || pairs.some((a) => unwrap(a).type === AST_NODE_TYPES.Literal && typeof (unwrap(a) as TSESTree.Literal).value === 'string' && /^(NX|XX|GT|LT|CH|INCR)$/i.test(String((unwrap(a) as TSESTree.Literal).value)))) {
      marks.push({ node: call, message: 'v4 zAdd takes { score, value } members and options: zAdd(key, [{ score, value }], { NX: true })' });
      return null;
    }
    const members: string[] = [];
    for (let i = 0; i < pairs.length; i += 2) members.push(`{ score: ${textOf(file, pairs[i]!)}, value: ${textOf(file, pairs[i + 1]!)} }`);
    return { range: span(1), text: members.length === 1 ? members[0]! : `[${members.join(', ')}]` };
  }
  if (['zrange', 'zrangebyscore', 'zrangebylex'].includes(method) && args.length > 3) {
    marks.push({ node: call, message: 'v4 takes WITHSCORES/LIMIT as zRangeWithScores(...) or an options object ({ BY, REV, LIMIT: { offset, count } })' });
    return null;
  }
  return undefined;
}

/** 'EX', 60, 'NX' → { EX: 60, NX: true }; undefined when a flag is not a string literal. */
function setFlags(flags: readonly TSESTree.CallExpressionArgument[], file: FileInput): string | undefined {
  const out: string[] = [];
  for (let i = 0; i < flags.length; i++) {
    const flag = unwrap(flags[i]!);
    if (flag.type !== AST_NODE_TYPES.Literal || typeof flag.value !== 'string') return undefined;
    const name = flag.value.toUpperCase();
    if (SET_FLAGS.has(name)) {
      const value = flags[i + 1];
      if (!value) return undefined;
      out.push(`${name}: ${textOf(file, value)}`);
      i++;
    } else if (SET_SWITCHES.has(name)) {
      out.push(`${name}: true`);
    } else {
      return undefined;
    }
  }
  return `{ ${out.join(', ')} }`;
}

/** setex(k, s, v) → set(k, v, { EX: s }) (node-redis) / set(k, v, 'EX', s) (ioredis). */
function setexToSet(
  call: TSESTree.CallExpression,
  member: TSESTree.MemberExpression,
  flag: 'EX' | 'PX',
  file: FileInput,
  library: 'node-redis' | 'ioredis',
  edits: TextEdit[],
  marks: Mark[],
): void {
  const [key, ttl, value, ...rest] = call.arguments;
  if (!key || !ttl || !value || [key, ttl, value].some((a) => a.type === AST_NODE_TYPES.SpreadElement)) return;
  if (rest.length > 1 || (rest[0] && library === 'node-redis' && !isFunctionNode(rest[0]) && !isCallbackReference(rest[0], 'setex'))) return;
  // The TTL is now evaluated after the value: fine when either one cannot change state.
  if (!isSideEffectFree(ttl) && !isSideEffectFree(value)) {
    marks.push({ node: call, message: `SETEX is deprecated: set(key, value, ${library === 'ioredis' ? `'${flag}', ttl` : `{ ${flag}: ttl }`}) (the arguments have side effects, so their order is left to you)` });
    return;
  }
  edits.push({ range: member.property.range, text: 'set' });
  const ttlText = textOf(file, ttl);
  edits.push({ range: [ttl.range[0], value.range[1]], text: library === 'ioredis' ? `${textOf(file, value)}, '${flag}', ${ttlText}` : `${textOf(file, value)}, { ${flag}: ${ttlText} }` });
}

/**
 * A v3 callback as a promise chain, when it is trivial: `(err, reply) => { if (err) <handle>; <rest> }`
 * where the handler leaves the function (or nothing follows it), and `(err, reply) => done(err, reply)`.
 * Returns the edits, or undefined after marking the call.
 */
function callbackToPromise(call: TSESTree.CallExpression, callback: TSESTree.CallExpressionArgument, file: FileInput, marks: Mark[]): TextEdit[] | undefined {
  const mark = (why: string): undefined => {
    marks.push({ node: call, message: `v4 returns a promise and ignores callbacks: ${why}` });
    return undefined;
  };
  if (!isFunctionNode(callback)) return mark('`await` the call (or .then()) and pass the reply on yourself');
  if (!resultUnused(call)) return mark('the call returned a boolean in v3; rewrite it with await');
  if (callback.type === AST_NODE_TYPES.FunctionExpression && usesThisOrArguments(callback, file.visitorKeys)) return mark('this callback reads `this`/`arguments`; rewrite it with await');
  if (callback.async || callback.params.length > 2 || callback.params.some((p) => p.type !== AST_NODE_TYPES.Identifier)) return mark('rewrite the callback with await');
  const [errParam, replyParam] = callback.params as TSESTree.Identifier[];
  const err = errParam ? textOf(file, errParam) : undefined;
  const reply = replyParam ? textOf(file, replyParam) : '';
  const errName = errParam?.name;
  const replyName = replyParam?.name;
  const removal: TextEdit = { range: [call.arguments.length > 1 ? call.arguments[call.arguments.length - 2]!.range[1] : callback.range[0], callback.range[1]], text: '' };
  const append = (chain: string): TextEdit[] => [removal, { range: [call.range[1], call.range[1]], text: chain }];
  const body = callback.body;
  // (err, reply) => done(err, reply)
  if (body.type !== AST_NODE_TYPES.BlockStatement) {
    const expression = unwrap(body);
    if (errName && expression.type === AST_NODE_TYPES.CallExpression && !references(expression.callee, errName, file.visitorKeys) && (!replyName || !references(expression.callee, replyName, file.visitorKeys))) {
      const names = expression.arguments.map((a) => (a.type === AST_NODE_TYPES.Identifier ? a.name : undefined));
      const callee = textOf(file, expression.callee);
      if (names.length === 2 && names[0] === errName && replyName && names[1] === replyName) {
        return append(`.then((${reply}) => ${callee}(null, ${replyName}), (${err}) => ${callee}(${errName}))`);
      }
      if (names.length === 1 && names[0] === errName && !replyName) return append(`.then(() => ${callee}(null), (${err}) => ${callee}(${errName}))`);
    }
    return mark('`await` the call and handle the error with try/catch');
  }
  const [first, ...rest] = body.body;
  if (!errName || first?.type !== AST_NODE_TYPES.IfStatement || first.alternate || first.test.type !== AST_NODE_TYPES.Identifier || first.test.name !== errName) {
    return mark('`await` the call and handle the error with try/catch');
  }
  const handler = first.consequent;
  if (replyName && references(handler, replyName, file.visitorKeys)) return mark('the error branch reads the reply');
  if (rest.some((statement) => references(statement, errName, file.visitorKeys))) return mark('the code after the error check reads the error');
  if (rest.length > 0 && !leaves(handler)) return mark('v3 ran the rest of the callback after the error branch');
  const handlerText = handler.type === AST_NODE_TYPES.BlockStatement ? textOf(file, handler) : `{ ${textOf(file, handler)} }`;
  if (rest.length === 0) return append(`.catch((${err}) => ${handlerText})`);
  const restText = file.text.slice(first.range[1], body.range[1] - 1);
  return append(`.then((${reply}) => {${restText}}, (${err}) => ${handlerText})`);
}

/** True when a statement always leaves the function (return/throw, possibly the last statement of a block). */
function leaves(statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.ReturnStatement || statement.type === AST_NODE_TYPES.ThrowStatement) return true;
  if (statement.type === AST_NODE_TYPES.BlockStatement) {
    const last = statement.body[statement.body.length - 1];
    return !!last && leaves(last);
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// ioredis: SETEX/PSETEX only.

function migrateIoredis(site: StoreSite, file: FileInput, edits: TextEdit[], marks: Mark[]): void {
  for (const use of site.uses) {
    if (use.method === 'setex' || use.method === 'psetex') migrateCommand(use, file, 'ioredis', edits, marks);
  }
}
