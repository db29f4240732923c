import rule from '../../rules/no-redis-keys.js';
import { cjsRuleTester, code, jsRuleTester, ruleTester } from '../rule-tester.js';

const NAME = 'no-redis-keys';

/** `source` with `search` (which must occur exactly once) replaced: the expected text of a suggestion. */
function edit(source: string, search: string, replacement: string): string {
  const at = source.indexOf(search);
  if (at === -1 || source.indexOf(search, at + 1) !== -1) throw new Error(`expected exactly one ${JSON.stringify(search)}`);
  return source.slice(0, at) + replacement + source.slice(at + search.length);
}

// ---------------------------------------------------------------------------------------------
// Sources shared by several cases

const ioredisInvalidate = code(
  "import Redis from 'ioredis';",
  '',
  'const redis = new Redis(process.env.REDIS_URL!);',
  '',
  'export async function invalidateProduct(productId: string) {',
  '  const keys = await redis.keys(`product:${productId}:*`);',
  '  if (keys.length > 0) await redis.del(...keys);',
  '}',
);
const ioredisInvalidateFixed = edit(
  ioredisInvalidate,
  '  const keys = await redis.keys(`product:${productId}:*`);',
  [
    '  const keys: string[] = [];',
    '  for await (const batch of redis.scanStream({ match: `product:${productId}:*` })) keys.push(...batch);',
  ].join('\n'),
);

const nodeRedisSource = code(
  "import { createClient } from 'redis';",
  '',
  'const client = await createClient().on(\'error\', console.error).connect();',
  '',
  'export async function clearSessions(userId: string) {',
  '  const sessionKeys = await client.keys(`session:${userId}:*`);',
  '  await Promise.all(sessionKeys.map((key) => client.del(key)));',
  '}',
);
const nodeRedisV4Fixed = edit(
  nodeRedisSource,
  '  const sessionKeys = await client.keys(`session:${userId}:*`);',
  [
    '  const sessionKeys: string[] = [];',
    '  for await (const found of client.scanIterator({ MATCH: `session:${userId}:*` })) sessionKeys.push(found);',
  ].join('\n'),
);
const nodeRedisV5Fixed = edit(
  nodeRedisSource,
  '  const sessionKeys = await client.keys(`session:${userId}:*`);',
  [
    '  const sessionKeys: string[] = [];',
    '  for await (const batch of client.scanIterator({ MATCH: `session:${userId}:*` })) sessionKeys.push(...batch);',
  ].join('\n'),
);
const nodeRedisUnknownFixed = edit(
  nodeRedisSource,
  '  const sessionKeys = await client.keys(`session:${userId}:*`);',
  [
    '  const sessionKeys: string[] = [];',
    '  for await (const found of client.scanIterator({ MATCH: `session:${userId}:*` })) sessionKeys.push(...[found].flat());',
  ].join('\n'),
);

const nodeRedisUpper = code(
  "import { createClient } from 'redis';",
  '',
  'const client = createClient({ url: process.env.REDIS_URL });',
  '',
  'export async function countCarts() {',
  "  const carts = await client.KEYS('cart:*');",
  '  return carts.length;',
  '}',
);

const upstash = code(
  "import { Redis } from '@upstash/redis';",
  '',
  'const redis = Redis.fromEnv();',
  '',
  'export async function listFlags(): Promise<string[]> {',
  "  let flagKeys = await redis.keys('flag:*');",
  '  flagKeys = flagKeys.sort();',
  '  return flagKeys;',
  '}',
);
const upstashFixed = edit(
  upstash,
  "  let flagKeys = await redis.keys('flag:*');",
  [
    '  let flagKeys: string[] = [];',
    '  let cursor: string | number = 0;',
    '  do {',
    "    const [next, batch]: [string | number, string[]] = await redis.scan(cursor, { match: 'flag:*' });",
    '    flagKeys.push(...batch);',
    '    cursor = next;',
    "  } while (String(cursor) !== '0');",
  ].join('\n'),
);

const vercelKv = code(
  "import { kv } from '@vercel/kv';",
  '',
  'export async function GET() {',
  "  const keys = await kv.keys('leaderboard:*');",
  '  return Response.json({ boards: keys });',
  '}',
);
const vercelKvFixed = edit(
  vercelKv,
  "  const keys = await kv.keys('leaderboard:*');",
  ['  const keys: string[] = [];', "  for await (const key of kv.scanIterator({ match: 'leaderboard:*' })) keys.push(key);"].join('\n'),
);

const nestService = code(
  "import { Injectable } from '@nestjs/common';",
  "import { InjectRedis } from '@nestjs-modules/ioredis';",
  "import type { Redis } from 'ioredis';",
  '',
  '@Injectable()',
  'export class CacheInvalidator {',
  '  constructor(@InjectRedis() private readonly redis: Redis) {}',
  '',
  '  async invalidateTenant(tenantId: string): Promise<number> {',
  '    const keys: string[] = await this.redis.keys(`tenant:${tenantId}:*`);',
  '    return keys.length ? this.redis.unlink(...keys) : 0;',
  '  }',
  '}',
);
const nestServiceFixed = edit(
  nestService,
  '    const keys: string[] = await this.redis.keys(`tenant:${tenantId}:*`);',
  [
    '    const keys: string[] = [];',
    '    for await (const batch of this.redis.scanStream({ match: `tenant:${tenantId}:*` })) keys.push(...batch);',
  ].join('\n'),
);

const cjsIoredis = code(
  "const Redis = require('ioredis');",
  '',
  'const redis = new Redis();',
  '',
  'async function purge(prefix) {',
  '  let stale = await redis.keys(prefix + "*")',
  '  if (stale.length) await redis.del(stale)',
  '}',
  '',
  'module.exports = { purge }',
);
const cjsIoredisFixed = edit(
  cjsIoredis,
  '  let stale = await redis.keys(prefix + "*")',
  ['  let stale = []', '  for await (const batch of redis.scanStream({ match: prefix + "*" })) stale.push(...batch)'].join('\n'),
);

const esmNamed = code(
  "import { Redis as IORedis } from 'ioredis';",
  '',
  'const redis = new IORedis();',
  '',
  'export async function reportSizes() {',
  "  const batch = 'report:*';",
  '  const keys = await redis.keys(batch);',
  '  return keys.length;',
  '}',
);
const esmNamedFixed = edit(
  esmNamed,
  '  const keys = await redis.keys(batch);',
  ['  const keys = [];', '  for await (const page of redis.scanStream({ match: batch })) keys.push(...page);'].join('\n'),
);

ruleTester.run(NAME, rule as never, {
  valid: [
    { name: 'suggested output: ioredis scanStream', filename: 'src/cache/invalidate.ts', code: ioredisInvalidateFixed },
    { name: 'suggested output: node-redis v4 scanIterator', filename: 'src/sessions.ts', code: nodeRedisV4Fixed },
    { name: 'suggested output: Upstash scan loop', filename: 'src/flags.ts', code: upstashFixed },
    { name: 'suggested output: Vercel KV scanIterator', filename: 'app/api/boards/route.ts', code: vercelKvFixed },
    {
      name: 'Object.keys, Map#keys, Set#keys and a Map named redis',
      code: code(
        'const redis = new Map<string, string>();',
        'const seen = new Set<string>();',
        'export function summary(config: Record<string, unknown>) {',
        '  return [Object.keys(config), [...redis.keys()], [...seen.keys()]];',
        '}',
      ),
    },
    {
      name: 'an unproven receiver named redis: an untyped parameter',
      code: code('export async function purge(redis: any, pattern: string) {', '  const keys = await redis.keys(pattern);', '  return keys;', '}'),
    },
    {
      name: 'a receiver typed with a project class, not a Redis client',
      code: code(
        "import { RedisService } from './redis.service';",
        'export class Cleaner {',
        '  constructor(private readonly redis: RedisService) {}',
        "  run() { return this.redis.keys('job:*'); }",
        '}',
      ),
    },
    {
      name: 'lru-cache, quick-lru and node-cache keys() are in-process',
      code: code(
        "import { LRUCache } from 'lru-cache';",
        "import QuickLRU from 'quick-lru';",
        "import NodeCache from 'node-cache';",
        'const lru = new LRUCache<string, string>({ max: 100 });',
        'const quick = new QuickLRU<string, string>({ maxSize: 100 });',
        'const node = new NodeCache({ stdTTL: 60 });',
        'export const all = () => [[...lru.keys()], [...quick.keys()], node.keys()];',
      ),
    },
    {
      name: 'HKEYS and SCAN are not KEYS',
      code: code(
        "import Redis from 'ioredis';",
        'const redis = new Redis();',
        'export async function fields(id: string) {',
        '  const names = await redis.hkeys(`user:${id}`);',
        "  const [cursor, page] = await redis.scan(0, 'MATCH', 'user:*', 'COUNT', 100);",
        '  return { names, cursor, page };',
        '}',
      ),
    },
    {
      name: 'a Lua script that reads the KEYS array, not the KEYS command',
      code: code(
        "import Redis from 'ioredis';",
        'const redis = new Redis();',
        "const script = \"local v = redis.call('GET', KEYS[1]) if v then redis.call('DEL', KEYS[1]) end return v\";",
        'export const take = (key: string) => redis.eval(script, 1, key);',
      ),
    },
    {
      name: 'node-redis sendCommand with SCAN',
      code: code(
        "import { createClient } from 'redis';",
        'const client = createClient();',
        "export const page = (cursor: string) => client.sendCommand(['SCAN', cursor, 'MATCH', 'cart:*']);",
      ),
    },
    {
      name: 'a local object with a keys method named like a client',
      code: code(
        'const redis = { keys: (pattern: string) => [pattern] };',
        "export const found = redis.keys('user:*');",
      ),
    },
    {
      name: 'the words redis.keys in a string and a comment',
      code: code(
        "import Redis from 'ioredis';",
        'const redis = new Redis();',
        '// never call redis.keys("*") in production',
        "export const help = 'use SCAN instead of redis.keys()';",
        "export const ping = () => redis.ping();",
      ),
    },
  ],
  invalid: [
    {
      name: 'ioredis (ESM default import): const keys = await redis.keys(p) becomes scanStream',
      filename: 'src/cache/invalidate.ts',
      code: ioredisInvalidate,
      errors: [
        {
          messageId: 'noKeys',
          data: { pattern: '`product:${productId}:*`' },
          line: 6,
          column: 28,
          suggestions: [{ messageId: 'useScan', data: { method: 'scanStream' }, output: ioredisInvalidateFixed }],
        },
      ],
      output: null,
    },
    {
      name: 'node-redis v4: scanIterator yields single keys',
      filename: 'src/sessions.ts',
      code: nodeRedisSource,
      options: [{ nodeRedisMajor: 4 }],
      errors: [{ messageId: 'noKeys', line: 6, suggestions: [{ messageId: 'useScan', data: { method: 'scanIterator' }, output: nodeRedisV4Fixed }] }],
      output: null,
    },
    {
      name: 'node-redis v5: scanIterator yields arrays of keys',
      filename: 'src/sessions.ts',
      code: nodeRedisSource,
      options: [{ nodeRedisMajor: 5 }],
      errors: [{ messageId: 'noKeys', line: 6, suggestions: [{ messageId: 'useScan', output: nodeRedisV5Fixed }] }],
      output: null,
    },
    {
      name: 'node-redis of unknown major: a loop body that works for single keys and arrays',
      filename: 'src/sessions.ts',
      code: nodeRedisSource,
      errors: [{ messageId: 'noKeys', line: 6, suggestions: [{ messageId: 'useScan', output: nodeRedisUnknownFixed }] }],
      output: null,
    },
    {
      name: 'node-redis upper-case KEYS (no filename: no type annotation)',
      code: nodeRedisUpper,
      options: [{ nodeRedisMajor: 4 }],
      errors: [
        {
          messageId: 'noKeys',
          data: { pattern: "'cart:*'" },
          line: 6,
          suggestions: [
            {
              messageId: 'useScan',
              output: edit(
                nodeRedisUpper,
                "  const carts = await client.KEYS('cart:*');",
                "  const carts = [];\n  for await (const key of client.scanIterator({ MATCH: 'cart:*' })) carts.push(key);",
              ),
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: '@upstash/redis Redis.fromEnv(): a scan cursor loop, keeping let',
      filename: 'src/flags.ts',
      code: upstash,
      errors: [{ messageId: 'noKeys', line: 6, suggestions: [{ messageId: 'useScan', data: { method: 'scan' }, output: upstashFixed }] }],
      output: null,
    },
    {
      name: '@vercel/kv in a Next.js route handler: kv.scanIterator',
      filename: 'app/api/boards/route.ts',
      code: vercelKv,
      errors: [{ messageId: 'noKeys', line: 4, suggestions: [{ messageId: 'useScan', data: { method: 'scanIterator' }, output: vercelKvFixed }] }],
      output: null,
    },
    {
      name: 'NestJS service with an injected ioredis client, type annotation kept',
      filename: 'src/cache/cache-invalidator.service.ts',
      code: nestService,
      errors: [{ messageId: 'noKeys', line: 10, suggestions: [{ messageId: 'useScan', output: nestServiceFixed }] }],
      output: null,
    },
    {
      name: "ioredis redis.call('KEYS', ...) and node-redis sendCommand(['KEYS', ...]): reported without a suggestion",
      code: code(
        "import Redis from 'ioredis';",
        "import { createClient } from 'redis';",
        'const redis = new Redis();',
        'const client = createClient();',
        'export async function dump() {',
        "  const a = await redis.call('KEYS', '*');",
        "  const b = await client.sendCommand(['KEYS', '*']);",
        '  return [a, b];',
        '}',
      ),
      errors: [
        { messageId: 'noKeys', line: 6, suggestions: [] },
        { messageId: 'noKeys', line: 7, suggestions: [] },
      ],
      output: null,
    },
    {
      name: 'KEYS queued on a pipeline: no suggestion',
      code: code(
        "import Redis from 'ioredis';",
        'const redis = new Redis();',
        'export async function snapshot() {',
        "  return redis.pipeline().dbsize().keys('order:*').exec();",
        '}',
      ),
      errors: [{ messageId: 'noKeys', line: 4, column: 36, suggestions: [] }],
      output: null,
    },
    {
      name: 'a returned or then-chained KEYS result: no safe rewrite',
      code: code(
        "import Redis from 'ioredis';",
        'const redis = new Redis();',
        "export const listUsers = () => redis.keys('user:*');",
        "export const countOrders = () => redis.keys('order:*').then((keys) => keys.length);",
      ),
      errors: [
        { messageId: 'noKeys', line: 3, suggestions: [] },
        { messageId: 'noKeys', line: 4, suggestions: [] },
      ],
      output: null,
    },
    {
      name: 'ioredis Cluster: no scanStream on the cluster object, so no suggestion',
      code: code(
        "import { Cluster } from 'ioredis';",
        "const cluster = new Cluster([{ host: 'redis-1', port: 6379 }]);",
        'export async function audit() {',
        "  const keys = await cluster.keys('audit:*');",
        '  return keys;',
        '}',
      ),
      errors: [{ messageId: 'noKeys', line: 4, suggestions: [] }],
      output: null,
    },
    {
      name: 'Lua scripts that call KEYS: eval and defineCommand',
      code: code(
        "import Redis from 'ioredis';",
        'const redis = new Redis();',
        'redis.defineCommand(\'purgePrefix\', {',
        '  numberOfKeys: 0,',
        "  lua: `local keys = redis.call('KEYS', ARGV[1]) for _, k in ipairs(keys) do redis.call('DEL', k) end return #keys`,",
        '});',
        'export const count = (pattern: string) =>',
        '  redis.eval("return #redis.call(\\"keys\\", ARGV[1])", 0, pattern);',
      ),
      errors: [
        { messageId: 'keysInScript', line: 3 },
        { messageId: 'keysInScript', line: 8 },
      ],
      output: null,
    },
    {
      name: 'Upstash with a pattern that is computed: the loop would recompute it, no suggestion',
      code: code(
        "import { Redis } from '@upstash/redis';",
        'const redis = new Redis({ url: process.env.UPSTASH_URL!, token: process.env.UPSTASH_TOKEN! });',
        'export async function find(tenant: string) {',
        '  const keys = await redis.keys(patternFor(tenant));',
        '  return keys;',
        '}',
      ),
      errors: [{ messageId: 'noKeys', data: { pattern: 'patternFor(tenant)' }, line: 4, suggestions: [] }],
      output: null,
    },
    {
      name: 'loop variable names already used in the function are avoided',
      filename: 'src/rebuild.ts',
      code: code(
        "import Redis from 'ioredis';",
        'const redis = new Redis();',
        'export async function rebuild(batch: number) {',
        '  const keys = await redis.keys(`index:${batch}:*`);',
        '  return keys;',
        '}',
      ),
      errors: [
        {
          messageId: 'noKeys',
          line: 4,
          suggestions: [
            {
              messageId: 'useScan',
              output: code(
                "import Redis from 'ioredis';",
                'const redis = new Redis();',
                'export async function rebuild(batch: number) {',
                '  const keys: string[] = [];',
                '  for await (const page of redis.scanStream({ match: `index:${batch}:*` })) keys.push(...page);',
                '  return keys;',
                '}',
              ),
            },
          ],
        },
      ],
      output: null,
    },
  ],
});

cjsRuleTester.run(`${NAME} (CommonJS)`, rule as never, {
  valid: [
    {
      name: 'require: scanStream already',
      code: code(
        "const Redis = require('ioredis');",
        'const redis = new Redis();',
        'async function purge(prefix) {',
        '  for await (const keys of redis.scanStream({ match: prefix + "*" })) if (keys.length) await redis.unlink(keys);',
        '}',
        'module.exports = { purge };',
      ),
    },
  ],
  invalid: [
    {
      name: 'require: ioredis, let binding, no semicolons, no type annotation',
      code: cjsIoredis,
      errors: [{ messageId: 'noKeys', line: 6, suggestions: [{ messageId: 'useScan', output: cjsIoredisFixed }] }],
      output: null,
    },
    {
      name: 'require: node-redis v3 keys with a callback, no suggestion',
      code: code(
        "const redis = require('redis');",
        'const client = redis.createClient();',
        "client.keys('sess:*', function (err, keys) {",
        '  if (!err) console.log(keys.length);',
        '});',
      ),
      errors: [{ messageId: 'noKeys', line: 3, suggestions: [] }],
      output: null,
    },
  ],
});

jsRuleTester.run(`${NAME} (ESM JavaScript)`, rule as never, {
  valid: [{ name: 'suggested output in JavaScript is clean', code: esmNamedFixed }],
  invalid: [
    {
      name: 'aliased named import; a pattern variable named batch is not shadowed',
      code: esmNamed,
      errors: [{ messageId: 'noKeys', line: 7, suggestions: [{ messageId: 'useScan', output: esmNamedFixed }] }],
      output: null,
    },
  ],
});
