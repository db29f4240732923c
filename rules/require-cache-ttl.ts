import {
  requireCacheTtl,
  type RequireCacheTtlMessageId,
  type RequireCacheTtlOptions,
} from '../src/core/detectors/require-cache-ttl.js';
import { runDetector } from '../src/eslint/adapter.js';
import { createRule } from '../src/eslint/create-rule.js';

export const RULE_NAME = 'require-cache-ttl';
export type Options = [RequireCacheTtlOptions];
export type MessageId = RequireCacheTtlMessageId;

export default createRule<Options, MessageId>({
  name: RULE_NAME,
  meta: {
    type: 'problem',
    docs: {
      description: 'Require an expiry on Redis, cache-manager and keyv cache writes',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: requireCacheTtl.messages,
    schema: [
      {
        type: 'object',
        description: 'Options for require-cache-ttl.',
        properties: {
          foreverKeys: {
            type: 'array',
            description:
              'Regular expressions (strings) for keys meant to live forever, tested against the key\'s static text or, for a template or concatenation, its static prefix (for example `^config:`).',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
          },
          serverEvicts: {
            type: 'boolean',
            description:
              'The Redis server evicts keys by itself (`maxmemory-policy` `allkeys-lru`, `allkeys-lfu` or `allkeys-random`): Redis writes without a TTL are not reported (locks still are; cache-manager and keyv still are).',
          },
          defaultTtlSeconds: {
            type: 'number',
            description: 'The TTL, in seconds, that suggestions add (converted to milliseconds where the library counts in milliseconds).',
            minimum: 1,
          },
          cacheManagerMajor: {
            type: ['integer', 'null'],
            description:
              'The major version of cache-manager, which decides the TTL unit of suggestions (v4: seconds in `{ ttl }`; v5 and later: milliseconds). `null` reads it from the nearest package.json.',
            minimum: 2,
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ foreverKeys: [], serverEvicts: false, defaultTtlSeconds: 300, cacheManagerMajor: null }],
  },
  create(context, [options]) {
    return runDetector(context, requireCacheTtl, options);
  },
});
