import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { enclosingFunction, indentAt, lineBreak, preferredQuote, propertyKey, staticValue, unwrap } from '../ast.js';
import type { Detector, FileInput, SuggestionPlan } from '../model.js';
import { dependencyMajor } from '../project/versions.js';
import { getStoreAnalysis, mayHaveLibraryStores, type StoreSite } from '../stores/analysis.js';
import { REDIS_LIBRARIES, hasSpreadArgument, isRepeatable, keyLabel, mentions, methodLoc, redisCommand, type RedisCommand } from '../stores/redis.js';

/** Options of `no-redis-keys`. */
export interface NoRedisKeysOptions {
  /** node-redis's major version (`scanIterator` yields single keys in v4, arrays of keys from v5); `null` reads the nearest package.json. */
  readonly nodeRedisMajor: number | null;
}

/** Message ids of `no-redis-keys`. */
export type NoRedisKeysMessageId = 'noKeys' | 'keysInScript' | 'useScan';

/** Commands whose first argument (or `lua` option) is a Lua script. */
const SCRIPT_COMMANDS: ReadonlySet<string> = new Set(['eval', 'evalro', 'eval_ro', 'createscript', 'definecommand', 'script']);
const LUA_KEYS = /redis\s*\.\s*p?call\s*\(\s*(['"])keys\1/i;

/**
 * `KEYS pattern` on a proven Redis client (ioredis, node-redis, @upstash/redis, @vercel/kv) in
 * every call shape: `redis.keys(p)`, `client.KEYS(p)`, `redis.call('KEYS', p)`,
 * `client.sendCommand(['KEYS', p])`, inside a pipeline, and in Lua scripts handed to `eval`/
 * `defineCommand`. KEYS walks the whole keyspace in one command, and Redis is single-threaded:
 * nothing else is served until it ends. The suggestion, offered where the result is bound by
 * `const keys = await client.keys(p)`, collects the same keys with the client's cursor API
 * (`scanStream`, `scanIterator`, or a `scan` loop).
 */
export const noRedisKeys: Detector<NoRedisKeysOptions, NoRedisKeysMessageId> = {
  id: 'no-redis-keys',
  messages: {
    noKeys:
      '`KEYS {{pattern}}` walks the whole keyspace in one blocking command: Redis serves no other client until it finishes. Iterate with `SCAN` instead.',
    keysInScript:
      'This Lua script calls `KEYS`, which blocks Redis for the whole keyspace walk (and misses keys on other Cluster shards); iterate with `SCAN` from the application instead.',
    useScan: 'Collect the keys with `{{method}}` instead.',
  },
  gate: (text) =>
    mayHaveLibraryStores(text) &&
    (text.includes('keys') || text.includes('KEYS') || text.includes('Keys')) && (text.includes('redis') || text.includes('@vercel/kv')),
  detect(file, options, report) {
    for (const site of getStoreAnalysis(file).stores) {
      if (!REDIS_LIBRARIES.has(site.library)) continue;
      for (const use of site.uses) {
        const command = redisCommand(use, file);
        if (!command) continue;
        if (command.name === 'keys') {
          const pattern = command.args[0];
          const suggestion = scanRewrite(command, site, file, options);
          report({
            messageId: 'noKeys',
            data: { pattern: pattern && pattern.type !== AST_NODE_TYPES.SpreadElement ? keyLabel(pattern, file) : '*' },
            node: command.call,
            loc: methodLoc(command.call),
            ...(suggestion ? { suggestions: [suggestion] } : {}),
          });
        } else if (SCRIPT_COMMANDS.has(command.name)) {
          const script = scriptOf(command, file);
          if (script && LUA_KEYS.test(script)) report({ messageId: 'keysInScript', node: command.call, loc: methodLoc(command.call) });
        }
      }
    }
  },
};

/** The Lua source a command carries, when static. */
function scriptOf(command: RedisCommand, file: FileInput): string | undefined {
  const args = command.args;
  let node: TSESTree.Node | undefined;
  if (command.name === 'definecommand') {
    const definition = args[1] && unwrap(args[1]);
    if (definition?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    for (const property of definition.properties) {
      if (property.type === AST_NODE_TYPES.Property && propertyKey(property, file) === 'lua') node = property.value;
    }
  } else if (command.name === 'script') {
    const sub = args[0] && staticValue(args[0], file);
    if (typeof sub === 'string' && sub.toLowerCase() === 'load') node = args[1];
  } else {
    node = args[0];
  }
  if (!node || node.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const value = staticValue(node, file);
  return typeof value === 'string' ? value : undefined;
}

/** A name not used anywhere in `scope`, from a list of readable choices. */
function freshName(scope: string, candidates: readonly string[]): string | undefined {
  return candidates.find((name) => !mentions(scope, name));
}

/**
 * `const keys = await client.keys(p);` rewritten to collect the same keys with `SCAN`:
 * ioredis `scanStream({ match })`, node-redis `scanIterator({ MATCH })` (single keys in v4,
 * arrays from v5), Vercel KV `scanIterator({ match })`, Upstash a `scan` cursor loop. Other
 * shapes (`return redis.keys(p)`, a callback, a cluster client) get no suggestion.
 */
function scanRewrite(
  command: RedisCommand,
  site: StoreSite,
  file: FileInput,
  options: NoRedisKeysOptions,
): SuggestionPlan<NoRedisKeysMessageId> | undefined {
  const call = command.call;
  if (command.form !== 'method' || command.use.via !== 'direct' || call.arguments.length !== 1 || hasSpreadArgument(call.arguments)) return undefined;
  const awaited = call.parent;
  if (awaited?.type !== AST_NODE_TYPES.AwaitExpression) return undefined;
  const declarator = awaited.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== awaited || declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  const declaration = declarator.parent;
  if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration || declaration.declarations.length !== 1 || declaration.declare) return undefined;
  const holder = declaration.parent;
  if (holder?.type !== AST_NODE_TYPES.BlockStatement && holder?.type !== AST_NODE_TYPES.Program && holder?.type !== AST_NODE_TYPES.SwitchCase) return undefined;
  if (declaration.kind !== 'const' && declaration.kind !== 'let' && declaration.kind !== 'var') return undefined;

  const text = file.text;
  const source = (node: TSESTree.Node): string => text.slice(node.range[0], node.range[1]);
  const id = declarator.id;
  const name = id.name;
  const pattern = source(call.arguments[0]!);
  const receiver = source(command.use.receiver);
  const isTs = /\.[cm]?tsx?$/.test(file.filename);
  const type = id.typeAnnotation ? source(id.typeAnnotation) : isTs ? ': string[]' : '';
  const eol = lineBreak(text);
  const indent = indentAt(text, declaration.range[0]);
  const unit = indent.includes('\t') ? '\t' : '  ';
  const semi = text[declaration.range[1] - 1] === ';' ? ';' : '';
  const fn = enclosingFunction(declaration);
  const scope = fn ? source(fn) : text;
  const head = `${declaration.kind} ${name}${type} = []${semi}${eol}${indent}`;
  const origin = site.origin;

  let method: string;
  let body: string;
  switch (site.library) {
    case 'ioredis': {
      if (origin?.path.includes('Cluster')) return undefined;
      const batch = freshName(scope, ['batch', 'page', 'chunk', 'scanned']);
      if (!batch) return undefined;
      method = 'scanStream';
      body = `for await (const ${batch} of ${receiver}.scanStream({ match: ${pattern} })) ${name}.push(...${batch})${semi}`;
      break;
    }
    case 'node-redis': {
      if (origin?.path.includes('createCluster')) return undefined;
      const major = options.nodeRedisMajor ?? dependencyMajor(file.filename, 'redis');
      if (major !== undefined && major < 4) return undefined;
      const names = major === undefined ? ['found', 'scanned'] : major >= 5 ? ['batch', 'page', 'chunk', 'scanned'] : ['key', 'found', 'scanned'];
      const found = freshName(scope, names);
      if (!found) return undefined;
      const push = major === undefined ? `...[${found}].flat()` : major >= 5 ? `...${found}` : found;
      method = 'scanIterator';
      body = `for await (const ${found} of ${receiver}.scanIterator({ MATCH: ${pattern} })) ${name}.push(${push})${semi}`;
      break;
    }
    case 'vercel-kv': {
      const key = freshName(scope, ['key', 'found', 'scanned']);
      if (!key) return undefined;
      method = 'scanIterator';
      body = `for await (const ${key} of ${receiver}.scanIterator({ match: ${pattern} })) ${name}.push(${key})${semi}`;
      break;
    }
    case 'upstash-redis': {
      // The pattern is read on every round: only names and literals may be repeated.
      if (!isRepeatable(call.arguments[0]!)) return undefined;
      const cursor = freshName(scope, ['cursor', 'scanCursor']);
      const next = freshName(scope, ['next', 'nextCursor']);
      const batch = freshName(scope, ['batch', 'page', 'chunk', 'scanned']);
      if (!cursor || !next || !batch) return undefined;
      const q = preferredQuote(text);
      method = 'scan';
      body = [
        `let ${cursor}${isTs ? ': string | number' : ''} = 0${semi}`,
        'do {',
        // The tuple type breaks TypeScript's circular inference between the cursor and the result.
        `${unit}const [${next}, ${batch}]${isTs ? ': [string | number, string[]]' : ''} = await ${receiver}.scan(${cursor}, { match: ${pattern} })${semi}`,
        `${unit}${name}.push(...${batch})${semi}`,
        `${unit}${cursor} = ${next}${semi}`,
        `} while (String(${cursor}) !== ${q}0${q})${semi}`,
      ].join(`${eol}${indent}`);
      break;
    }
    default:
      return undefined;
  }
  return { messageId: 'useScan', data: { method }, edits: [{ range: [declaration.range[0], declaration.range[1]], text: head + body }] };
}
