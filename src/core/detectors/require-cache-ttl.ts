import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { constInitializer, indentAt, isFunction, lineBreak, parentOf, preferredQuote, propertyKey, resolveVariable, staticValue, unwrap } from '../ast.js';
import { contains, type FunctionNode } from '../analysis/file-index.js';
import type { Detector, FileInput, Report, SuggestionPlan, TextEdit } from '../model.js';
import { dependencyMajor } from '../project/versions.js';
import { getStoreAnalysis, mayHaveLibraryStores, type StoreSite } from '../stores/analysis.js';
import {
  REDIS_LIBRARIES,
  hasSpreadArgument,
  isRepeatable,
  keyIdentity,
  keyLabel,
  keyText,
  methodLoc,
  redisCommand,
  type RedisCommand,
} from '../stores/redis.js';

/** Options of `require-cache-ttl`. */
export interface RequireCacheTtlOptions {
  /** Regular expressions for keys meant to live forever, tested against the key's static text or template prefix. */
  readonly foreverKeys: readonly string[];
  /** The Redis server evicts by itself (`maxmemory-policy allkeys-lru`/`allkeys-lfu`/`allkeys-random`): Redis writes are not reported. */
  readonly serverEvicts: boolean;
  /** The TTL, in seconds, that suggestions write. */
  readonly defaultTtlSeconds: number;
  /** cache-manager's major version (TTL units changed in v5); `null` reads it from the nearest package.json. */
  readonly cacheManagerMajor: number | null;
}

/** Message ids of `require-cache-ttl`. */
export type RequireCacheTtlMessageId =
  | 'missingTtl'
  | 'dropsTtl'
  | 'lockWithoutTtl'
  | 'noDefaultTtl'
  | 'zeroTtl'
  | 'addTtl'
  | 'addLibraryTtl'
  | 'addKeepTtl'
  | 'addExpire';

type Suggestion = SuggestionPlan<RequireCacheTtlMessageId>;

/** Commands that write a whole key (and a plain one drops the key's TTL). */
const SET_COMMANDS: ReadonlySet<string> = new Set(['set']);
/** Commands that write with a TTL by construction. */
const TTL_WRITES: ReadonlySet<string> = new Set(['setex', 'psetex', 'getex']);
/** Commands that take a lock-like key only when absent. */
const LOCK_COMMANDS: ReadonlySet<string> = new Set(['setnx']);
/** Structure writes: cache entries only with evidence (a read of the key in the same function, or `cache` in the key). */
const STRUCTURE_WRITES: ReadonlySet<string> = new Set(['hset', 'hmset', 'sadd', 'lpush', 'rpush', 'zadd', 'xadd']);
const MULTI_WRITES: ReadonlySet<string> = new Set(['mset']);
const EXPIRE_COMMANDS: ReadonlySet<string> = new Set(['expire', 'pexpire', 'expireat', 'pexpireat']);
const COUNTER_COMMANDS: ReadonlySet<string> = new Set(['incr', 'incrby', 'incrbyfloat', 'decr', 'decrby', 'hincrby', 'hincrbyfloat']);
const READ_COMMANDS: ReadonlySet<string> = new Set([
  'get',
  'getbuffer',
  'exists',
  'hget',
  'hgetall',
  'hmget',
  'hexists',
  'hkeys',
  'hvals',
  'smembers',
  'sismember',
  'scard',
  'lrange',
  'llen',
  'lindex',
  'zrange',
  'zrevrange',
  'zrangebyscore',
  'zrevrangebyscore',
  'zscore',
  'zcard',
  'mget',
  'type',
  'ttl',
  'pttl',
]);

/** A fact about a key at one place: where, in which function. */
interface KeyFact {
  readonly fn: FunctionNode | undefined;
  readonly at: number;
}

/**
 * Cache writes that never expire. Redis (ioredis, node-redis v3/v4+, @upstash/redis, @vercel/kv):
 * a `SET` with no `EX`/`PX`/`EXAT`/`PXAT`/`KEEPTTL` in the client's own call shape and no
 * `EXPIRE` of the same key later in the same function (pipelines and `multi` included); a plain
 * `SET` also drops a TTL the key had (ioredis #1094), which gets its own message when the file
 * gives the same key a TTL elsewhere. `SET ... NX`/`SETNX` without expiry is a lock that sticks
 * forever when its holder dies. Structure writes (`HSET`, `SADD`, `LPUSH`, `RPUSH`, `ZADD`, `MSET`)
 * are judged only when they are cache entries: the same function reads the key, or the key says
 * `cache`. Counters (keys `INCR`ed in the file) are not cache entries. cache-manager and keyv:
 * a `set`/`wrap` with no TTL on a store created here with no default `ttl`, and a literal TTL of
 * `0`, which both libraries read as "never expire". Suggestions only: a TTL changes how long data
 * lives.
 */
export const requireCacheTtl: Detector<RequireCacheTtlOptions, RequireCacheTtlMessageId> = {
  id: 'require-cache-ttl',
  messages: {
    missingTtl:
      '`{{command}}` of `{{key}}` sets no expiry: the entry stays in Redis until something deletes it, and serves stale data meanwhile. Give it a TTL, or `EXPIRE` the key in the same function.',
    dropsTtl:
      '`SET` of `{{key}}` without an expiry removes the TTL this key is given elsewhere in this file (a plain `SET` discards it); pass a TTL or `KEEPTTL`.',
    lockWithoutTtl:
      '`{{command}}` of `{{key}}` takes a lock that never expires: if its holder crashes before releasing it, the lock is held forever. Give it an expiry.',
    noDefaultTtl:
      '`{{method}}` of `{{key}}` passes no TTL and this {{library}} store has no default `ttl`, so the entry never expires.',
    zeroTtl: 'A TTL of `0` means "never expire" in {{library}}: `{{key}}` stays cached forever. Use a positive TTL.',
    addTtl: 'Expire it: add `{{form}}`.',
    addLibraryTtl: 'Pass a TTL of {{ttl}} {{unit}}.',
    addKeepTtl: 'Keep the TTL the key already has: add `{{form}}`.',
    addExpire: 'Expire the key after writing it: `{{form}}`.',
  },
  // Redis, cache-manager and keyv stores all come from a store module (the shared, memoised text check).
  gate: (text) =>
    mayHaveLibraryStores(text) && (text.includes('redis') || text.includes('@vercel/kv') || text.includes('cache-manager') || text.includes('keyv')),
  detect(file, options, report) {
    const stores = getStoreAnalysis(file).stores;
    const redisSites = stores.filter((site) => REDIS_LIBRARIES.has(site.library));
    const cacheSites = stores.filter((site) => site.library === 'cache-manager' || site.library === 'keyv');
    if (redisSites.length === 0 && cacheSites.length === 0) return;
    const forever = foreverMatcher(options.foreverKeys);
    const isForever = (key: TSESTree.Node): boolean => {
      if (forever.length === 0) return false;
      const text = keyText(key, file);
      const subject = text.full ?? text.prefix;
      return subject !== '' && forever.some((pattern) => pattern.test(subject));
    };
    if (redisSites.length > 0) checkRedis(redisSites, file, options, isForever, report);
    if (cacheSites.length > 0) checkLibraryStores(cacheSites, file, options, isForever, report);
  },
};

const compiled = new WeakMap<readonly string[], RegExp[]>();

function foreverMatcher(patterns: readonly string[]): RegExp[] {
  let out = compiled.get(patterns);
  if (!out) {
    out = [];
    for (const pattern of patterns) {
      try {
        out.push(new RegExp(pattern));
      } catch {
        // An invalid pattern matches nothing rather than crashing the lint run.
      }
    }
    compiled.set(patterns, out);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Redis

/** Both in one function, or one nested in the other (a `.then` callback, a helper arrow). */
function sameFunction(a: FunctionNode | undefined, b: FunctionNode | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return contains(a, b) || contains(b, a);
}

class KeyFacts {
  private readonly byKey = new Map<string, KeyFact[]>();
  add(id: string, fact: KeyFact): void {
    const list = this.byKey.get(id);
    if (list) list.push(fact);
    else this.byKey.set(id, [fact]);
  }
  has(id: string): boolean {
    return this.byKey.has(id);
  }
  inFunction(id: string, fn: FunctionNode | undefined, after?: number): boolean {
    return (this.byKey.get(id) ?? []).some((fact) => sameFunction(fact.fn, fn) && (after === undefined || fact.at > after));
  }
  outsideFunction(id: string, fn: FunctionNode | undefined): boolean {
    return (this.byKey.get(id) ?? []).some((fact) => !sameFunction(fact.fn, fn));
  }
}

/** What the arguments after a `SET`'s value say. */
interface SetShape {
  expiry: boolean;
  keepTtl: boolean;
  nx: boolean;
  /** Something we cannot read (a variable options object, a spread, a computed token). */
  unknown: boolean;
  callback: boolean;
  positional: boolean;
  options: TSESTree.ObjectExpression | undefined;
}

function setShape(rest: readonly TSESTree.Node[], file: FileInput): SetShape {
  const shape: SetShape = { expiry: false, keepTtl: false, nx: false, unknown: false, callback: false, positional: false, options: undefined };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg.type === AST_NODE_TYPES.SpreadElement) {
      shape.unknown = true;
      continue;
    }
    const value = unwrap(arg);
    if (isFunction(value)) {
      shape.callback = true;
      continue;
    }
    if (value.type === AST_NODE_TYPES.ObjectExpression) {
      shape.options = value;
      for (const property of value.properties) {
        if (property.type !== AST_NODE_TYPES.Property) {
          shape.unknown = true;
          continue;
        }
        const name = propertyKey(property, file)?.toLowerCase();
        if (name === undefined) {
          shape.unknown = true;
          continue;
        }
        const flag = unwrap(property.value);
        const off = flag.type === AST_NODE_TYPES.Literal && (flag.value === false || flag.value === null);
        if (name === 'ex' || name === 'px' || name === 'exat' || name === 'pxat' || name === 'expiration') {
          if (!(flag.type === AST_NODE_TYPES.Identifier && flag.name === 'undefined')) shape.expiry = true;
        } else if (name === 'keepttl') {
          if (!off) shape.keepTtl = true;
        } else if (name === 'nx') {
          if (!off) shape.nx = true;
        } else if (name === 'condition') {
          const condition = staticValue(flag, file);
          if (typeof condition !== 'string') shape.unknown = true;
          else if (condition.toUpperCase() === 'NX') shape.nx = true;
        }
      }
      continue;
    }
    const token = staticValue(value, file);
    if (typeof token !== 'string') {
      shape.unknown = true;
      continue;
    }
    shape.positional = true;
    const upper = token.toUpperCase();
    if (upper === 'EX' || upper === 'PX' || upper === 'EXAT' || upper === 'PXAT') {
      shape.expiry = true;
      i++; // the amount, which may be any expression
    } else if (upper === 'KEEPTTL') {
      shape.keepTtl = true;
    } else if (upper === 'NX') {
      shape.nx = true;
    }
  }
  return shape;
}

function checkRedis(
  sites: readonly StoreSite[],
  file: FileInput,
  options: RequireCacheTtlOptions,
  isForever: (key: TSESTree.Node) => boolean,
  report: Report<RequireCacheTtlMessageId>,
): void {
  const commands: { command: RedisCommand; site: StoreSite }[] = [];
  for (const site of sites) {
    for (const use of site.uses) {
      const command = redisCommand(use, file);
      if (command) commands.push({ command, site });
    }
  }
  const expiries = new KeyFacts();
  const ttlWrites = new KeyFacts();
  const reads = new KeyFacts();
  // Keyed by identity; a bare parameter name (`key`) only identifies a key within its own function.
  const counters = new Set<string>();
  const shapes = new Map<RedisCommand, SetShape>();
  for (const { command } of commands) {
    const key = command.args[0];
    if (!key || key.type === AST_NODE_TYPES.SpreadElement) continue;
    const fact: KeyFact = { fn: command.use.fn, at: methodStart(command.call) };
    const name = command.name;
    if (EXPIRE_COMMANDS.has(name)) expiries.add(keyIdentity(key, file), fact);
    else if (TTL_WRITES.has(name)) ttlWrites.add(keyIdentity(key, file), fact);
    else if (COUNTER_COMMANDS.has(name)) counters.add(isBareName(key, file) ? `${keyIdentity(key, file)}@${fnKey(command.use.fn)}` : keyIdentity(key, file));
    else if (READ_COMMANDS.has(name)) {
      reads.add(keyIdentity(key, file), fact);
      if (name === 'mget') for (const more of command.args.slice(1)) reads.add(keyIdentity(more, file), fact);
    } else if (SET_COMMANDS.has(name)) {
      const shape = setShape(command.args.slice(2), file);
      shapes.set(command, shape);
      if (shape.expiry || shape.keepTtl) ttlWrites.add(keyIdentity(key, file), fact);
    }
  }

  for (const { command, site } of commands) {
    const name = command.name;
    const args = command.args;
    // The key must be written out; later spreads (`sadd(key, ...members)`) are fine for structure writes.
    if (args.length < 2 || hasSpreadArgument(args.slice(0, 1))) continue;
    const key = args[0]!;
    const fn = command.use.fn;
    const at = methodStart(command.call);
    const id = keyIdentity(key, file);
    const bare = isBareName(key, file);
    const isCounter = (k: TSESTree.Node, kid: string): boolean => counters.has(kid) || (isBareName(k, file) && counters.has(`${kid}@${fnKey(fn)}`));
    if (SET_COMMANDS.has(name)) {
      const shape = shapes.get(command)!;
      if (shape.expiry || shape.keepTtl || shape.unknown || hasSpreadArgument(args)) continue;
      if (isForever(key) || isCounter(key, id)) continue;
      // A plain SET drops a TTL, so only an EXPIRE after it counts.
      if (expiries.inFunction(id, fn, at)) continue;
      if (shape.nx) {
        report({
          messageId: 'lockWithoutTtl',
          data: { command: 'SET ... NX', key: keyLabel(key, file) },
          node: command.call,
          loc: methodLoc(command.call),
          suggestions: setSuggestions(command, site, shape, 'ttl', file, options),
        });
        continue;
      }
      if (options.serverEvicts) continue;
      // Another write of this key in the same function sets a TTL: a deliberate branch (`ttl ? SET EX : SET`).
      if (ttlWrites.inFunction(id, fn)) continue;
      if (!bare && ttlWrites.outsideFunction(id, fn)) {
        report({
          messageId: 'dropsTtl',
          data: { key: keyLabel(key, file) },
          node: command.call,
          loc: methodLoc(command.call),
          suggestions: [...setSuggestions(command, site, shape, 'keep', file, options), ...setSuggestions(command, site, shape, 'ttl', file, options)],
        });
        continue;
      }
      report({
        messageId: 'missingTtl',
        data: { command: 'SET', key: keyLabel(key, file) },
        node: command.call,
        loc: methodLoc(command.call),
        suggestions: setSuggestions(command, site, shape, 'ttl', file, options),
      });
    } else if (LOCK_COMMANDS.has(name)) {
      if (isForever(key) || expiries.inFunction(id, fn)) continue;
      report({
        messageId: 'lockWithoutTtl',
        data: { command: 'SETNX', key: keyLabel(key, file) },
        node: command.call,
        loc: methodLoc(command.call),
      });
    } else if (STRUCTURE_WRITES.has(name)) {
      if (options.serverEvicts || isForever(key) || isCounter(key, id) || expiries.inFunction(id, fn)) continue;
      if (!looksLikeCache(key, file) && !reads.inFunction(id, fn)) continue;
      report({
        messageId: 'missingTtl',
        data: { command: name.toUpperCase(), key: keyLabel(key, file) },
        node: command.call,
        loc: methodLoc(command.call),
        suggestions: expireSuggestion(command, key, file, options),
      });
    } else if (MULTI_WRITES.has(name)) {
      if (options.serverEvicts || hasSpreadArgument(args)) continue;
      const keys = msetKeys(args);
      if (keys.length === 0 || keys.some((k) => isForever(k))) continue;
      const ids = keys.map((k) => keyIdentity(k, file));
      if (ids.some((k, i) => expiries.inFunction(k, fn) || isCounter(keys[i]!, k))) continue;
      if (!keys.some((k) => looksLikeCache(k, file)) && !ids.some((k) => reads.inFunction(k, fn))) continue;
      report({
        messageId: 'missingTtl',
        data: { command: 'MSET', key: keyLabel(keys[0]!, file) },
        node: command.call,
        loc: methodLoc(command.call),
      });
    }
  }
}

/** A key written as a plain name with no constant behind it (a parameter, a `let`): the same text in another function is another key. */
function isBareName(key: TSESTree.Node, file: FileInput): boolean {
  const value = unwrap(key);
  return value.type === AST_NODE_TYPES.Identifier && staticValue(value, file) === undefined && constInitializer(value, file) === undefined;
}

const functionIds = new WeakMap<object, number>();
let nextFunctionId = 0;

/** A stable id per function node, for keys that only mean something inside one function. */
function fnKey(fn: FunctionNode | undefined): number {
  if (!fn) return -1;
  let id = functionIds.get(fn);
  if (id === undefined) {
    id = nextFunctionId++;
    functionIds.set(fn, id);
  }
  return id;
}

/** Where a call's method name starts: calls chained on one pipeline share their start, not their method's. */
function methodStart(call: TSESTree.CallExpression): number {
  const callee = unwrap(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression ? callee.property.range[0] : call.range[0];
}

/** A key whose static text names a cache (`cache:user:1`, `` `products-cache:${id}` ``). */
function looksLikeCache(key: TSESTree.Node, file: FileInput): boolean {
  return keyText(key, file).pieces.some((piece) => /cache/i.test(piece));
}

/** The keys of an `MSET`: positional pairs, an object literal, or an array of pairs. */
function msetKeys(args: readonly TSESTree.Node[]): TSESTree.Node[] {
  const first = unwrap(args[0]!);
  if (first.type === AST_NODE_TYPES.ObjectExpression) {
    const keys: TSESTree.Node[] = [];
    for (const property of first.properties) {
      if (property.type !== AST_NODE_TYPES.Property) return [];
      keys.push(property.key);
    }
    return keys;
  }
  if (first.type === AST_NODE_TYPES.ArrayExpression && args.length === 1) {
    const keys: TSESTree.Node[] = [];
    for (const element of first.elements) {
      const pair = element && unwrap(element);
      if (pair?.type !== AST_NODE_TYPES.ArrayExpression || !pair.elements[0] || pair.elements[0].type === AST_NODE_TYPES.SpreadElement) return [];
      keys.push(pair.elements[0]);
    }
    return keys;
  }
  if (args.length % 2 !== 0 || args.some((arg) => isFunction(unwrap(arg)))) return [];
  return args.filter((_arg, i) => i % 2 === 0);
}

/** The `redis` package's major, when the project states it. */
function nodeRedisMajor(file: FileInput): number | undefined {
  return dependencyMajor(file.filename, 'redis');
}

/** Adds the client's own expiry form to a `SET`: `'EX', n` (ioredis, node-redis v3), `{ EX: n }` (node-redis v4+), `{ ex: n }` (Upstash, Vercel KV). */
function setSuggestions(
  command: RedisCommand,
  site: StoreSite,
  shape: SetShape,
  kind: 'ttl' | 'keep',
  file: FileInput,
  options: RequireCacheTtlOptions,
): Suggestion[] {
  if (command.form !== 'method') return [];
  const value = command.args[1]!;
  const seconds = options.defaultTtlSeconds;
  const q = preferredQuote(file.text);
  const library = site.library;
  const positional =
    library === 'ioredis' ||
    (library === 'node-redis' && (shape.callback || shape.positional || (!shape.options && (nodeRedisMajor(file) ?? 4) < 4)));
  const messageId = kind === 'ttl' ? 'addTtl' : 'addKeepTtl';
  if (positional) {
    const form = kind === 'ttl' ? `${q}EX${q}, ${seconds}` : `${q}KEEPTTL${q}`;
    return [{ messageId, data: { form }, edits: [{ range: [value.range[1], value.range[1]], text: `, ${form}` }] }];
  }
  const upper = library === 'node-redis';
  const entry = kind === 'ttl' ? `${upper ? 'EX' : 'ex'}: ${seconds}` : upper ? 'KEEPTTL: true' : 'keepTtl: true';
  const form = `{ ${entry} }`;
  const object = shape.options;
  let edit: TextEdit;
  if (!object) edit = { range: [value.range[1], value.range[1]], text: `, ${form}` };
  else if (object.properties.length === 0) edit = { range: [object.range[0], object.range[1]], text: form };
  else edit = { range: [object.properties[0]!.range[0], object.properties[0]!.range[0]], text: `${entry}, ` };
  return [{ messageId, data: { form }, edits: [edit] }];
}

/** `EXPIRE` after a structure write: `.expire(k, n)` in a pipeline chain, else a statement after the write. */
function expireSuggestion(command: RedisCommand, key: TSESTree.Node, file: FileInput, options: RequireCacheTtlOptions): Suggestion[] {
  if (command.form !== 'method' || !isRepeatable(key)) return [];
  const call = command.call;
  if (call.arguments.some((arg) => isFunction(unwrap(arg)))) return [];
  const keySource = file.text.slice(key.range[0], key.range[1]);
  const seconds = options.defaultTtlSeconds;
  const parent = parentOf(call);
  if (command.use.via === 'pipeline' && parent?.type === AST_NODE_TYPES.MemberExpression && unwrap(parent.object) === call) {
    const form = `.expire(${keySource}, ${seconds})`;
    return [{ messageId: 'addExpire', data: { form }, edits: [{ range: [call.range[1], call.range[1]], text: form }] }];
  }
  let statement: TSESTree.Node | undefined = parent;
  let awaited = false;
  if (statement?.type === AST_NODE_TYPES.AwaitExpression) {
    awaited = true;
    statement = parentOf(statement);
  }
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement) return [];
  const holder = statement.parent;
  if (holder?.type !== AST_NODE_TYPES.BlockStatement && holder?.type !== AST_NODE_TYPES.Program) return [];
  const receiver = command.use.receiver;
  const receiverSource = file.text.slice(receiver.range[0], receiver.range[1]);
  const semi = file.text[statement.range[1] - 1] === ';' ? ';' : '';
  const form = `${awaited ? 'await ' : ''}${receiverSource}.expire(${keySource}, ${seconds})${semi}`;
  const text = `${lineBreak(file.text)}${indentAt(file.text, statement.range[0])}${form}`;
  return [{ messageId: 'addExpire', data: { form }, edits: [{ range: [statement.range[1], statement.range[1]], text }] }];
}

// ---------------------------------------------------------------------------------------------
// cache-manager and keyv

type DefaultTtl = 'default' | 'none' | 'unknown';

function combine(results: readonly DefaultTtl[]): DefaultTtl {
  if (results.includes('default')) return 'default';
  if (results.includes('unknown')) return 'unknown';
  return 'none';
}

/**
 * Whether a store created here has a default TTL: a `ttl` anywhere in its creation options or
 * its stores' options (`caching('memory', { ttl })`, `createCache({ ttl })`, `new Keyv({ ttl })`,
 * `createCache({ stores: [new Keyv({ store: new CacheableMemory({ ttl }) })] })`). A variable
 * options object, a spread, or a store made elsewhere is `unknown`.
 */
function storeDefault(site: StoreSite, file: FileInput): DefaultTtl {
  if (!site.creation) return 'unknown';
  return combine(site.creation.arguments.map((argument) => scanDefault(argument, file, 0, 'unknown')));
}

function scanDefault(node: TSESTree.Node, file: FileInput, depth: number, identifiers: 'unknown' | 'none'): DefaultTtl {
  if (depth > 6) return 'unknown';
  if (node.type === AST_NODE_TYPES.SpreadElement) return 'unknown';
  const value = unwrap(node);
  switch (value.type) {
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
      return 'none';
    case AST_NODE_TYPES.MemberExpression: {
      // process.env.REDIS_URL: a connection string.
      let root: TSESTree.Node = value;
      while (root.type === AST_NODE_TYPES.MemberExpression) root = root.object;
      const isEnv = root.type === AST_NODE_TYPES.Identifier && root.name === 'process';
      return isEnv ? 'none' : identifiers;
    }
    case AST_NODE_TYPES.Identifier: {
      const variable = resolveVariable(value, file.scopeManager);
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (def?.type === 'ImportBinding') {
        // A package's store factory (`redisStore` from cache-manager-redis-store) has no TTL of its own;
        // a store the project builds in another file (`./stores`) may well have one.
        const source = def.parent?.type === AST_NODE_TYPES.ImportDeclaration ? def.parent.source.value : '';
        return source.startsWith('.') || source.startsWith('/') ? 'unknown' : 'none';
      }
      if (def?.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init) {
        const declaration = def.node.parent;
        if (declaration?.type === AST_NODE_TYPES.VariableDeclaration && declaration.kind === 'const') {
          return scanDefault(def.node.init, file, depth + 1, identifiers);
        }
      }
      return identifiers;
    }
    case AST_NODE_TYPES.ObjectExpression: {
      const results: DefaultTtl[] = [];
      for (const property of value.properties) {
        if (property.type !== AST_NODE_TYPES.Property) return 'unknown';
        const name = propertyKey(property, file);
        if (name === undefined) return 'unknown';
        if (name === 'ttl') {
          results.push(isZero(property.value) ? 'none' : 'default');
        } else if (name === 'store' || name === 'stores') {
          results.push(scanDefault(property.value, file, depth + 1, 'unknown'));
        }
      }
      return combine(results);
    }
    case AST_NODE_TYPES.ArrayExpression:
      return combine(value.elements.map((element) => (element ? scanDefault(element, file, depth + 1, 'unknown') : 'none')));
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.CallExpression:
      // A store made in place: `new KeyvRedis(url)`, `redisStore({ url, ttl })`, `createKeyv(url)`.
      return combine(value.arguments.map((argument) => scanDefault(argument, file, depth + 1, 'none')));
    default:
      return 'unknown';
  }
}

function isZero(node: TSESTree.Node): boolean {
  const value = unwrap(node);
  return value.type === AST_NODE_TYPES.Literal && value.value === 0;
}

/** The literal `0` a TTL argument holds: `0`, or `{ ttl: 0 }` (cache-manager v4). */
function zeroTtl(node: TSESTree.Node, file: FileInput): TSESTree.Node | undefined {
  const value = unwrap(node);
  if (isZero(value)) return value;
  if (value.type === AST_NODE_TYPES.ObjectExpression) {
    for (const property of value.properties) {
      if (property.type === AST_NODE_TYPES.Property && propertyKey(property, file) === 'ttl' && isZero(property.value)) return unwrap(property.value);
    }
  }
  return undefined;
}

function checkLibraryStores(
  sites: readonly StoreSite[],
  file: FileInput,
  options: RequireCacheTtlOptions,
  isForever: (key: TSESTree.Node) => boolean,
  report: Report<RequireCacheTtlMessageId>,
): void {
  let major: number | undefined | null = null;
  const cacheManagerMajor = (): number => {
    if (major === null) major = options.cacheManagerMajor ?? dependencyMajor(file.filename, 'cache-manager');
    // Unknown: the current API (milliseconds).
    return major ?? 7;
  };
  for (const site of sites) {
    let known: DefaultTtl | undefined;
    const library = site.library === 'keyv' ? 'keyv' : 'cache-manager';
    for (const use of site.uses) {
      if (!use.call || use.via !== 'direct') continue;
      if (use.method !== 'set' && !(library === 'cache-manager' && use.method === 'wrap')) continue;
      const args = use.call.arguments;
      if (hasSpreadArgument(args) || args.length < 2) continue;
      const key = args[0]!;
      if (isForever(key)) continue;
      const third = args[2] && unwrap(args[2]);
      const unit = library === 'cache-manager' && cacheManagerMajor() < 5 ? 'seconds' : 'milliseconds';
      if (third && !isFunction(third) && !(third.type === AST_NODE_TYPES.Identifier && third.name === 'undefined')) {
        const zero = zeroTtl(third, file);
        if (zero) {
          const amount = ttlAmount(library, options, cacheManagerMajor);
          report({
            messageId: 'zeroTtl',
            data: { library, key: keyLabel(key, file) },
            node: zero,
            suggestions: [{ messageId: 'addLibraryTtl', data: { ttl: amount, unit }, edits: [{ range: [zero.range[0], zero.range[1]], text: amount }] }],
          });
        }
        continue;
      }
      known ??= site.provenance === 'created' ? storeDefault(site, file) : 'unknown';
      if (known !== 'none') continue;
      const form = library === 'cache-manager' && cacheManagerMajor() < 5 ? `{ ttl: ${options.defaultTtlSeconds} }` : ttlAmount(library, options, cacheManagerMajor);
      const value = args[1]!;
      // `undefined` as the TTL is replaced; otherwise the TTL goes after the value (before a v4 callback).
      const edit: TextEdit =
        third && third.type === AST_NODE_TYPES.Identifier
          ? { range: [args[2]!.range[0], args[2]!.range[1]], text: form }
          : { range: [value.range[1], value.range[1]], text: `, ${form}` };
      report({
        messageId: 'noDefaultTtl',
        data: { method: use.method, key: keyLabel(key, file), library },
        node: use.call,
        loc: methodLoc(use.call),
        suggestions: [{ messageId: 'addLibraryTtl', data: { ttl: ttlAmount(library, options, cacheManagerMajor), unit }, edits: [edit] }],
      });
    }
  }
}

/** The default TTL in the library's number unit: seconds for cache-manager v4, milliseconds for v5+ and keyv. */
function ttlAmount(library: 'keyv' | 'cache-manager', options: RequireCacheTtlOptions, cacheManagerMajor: () => number): string {
  if (library === 'cache-manager' && cacheManagerMajor() < 5) return String(options.defaultTtlSeconds);
  return String(options.defaultTtlSeconds * 1000);
}
