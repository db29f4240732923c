import {
  noUnboundedCache,
  type NoUnboundedCacheMessageId,
  type NoUnboundedCacheOptions,
} from '../src/core/detectors/no-unbounded-cache.js';
import { runDetector } from '../src/eslint/adapter.js';
import { createRule } from '../src/eslint/create-rule.js';

export const RULE_NAME = 'no-unbounded-cache';
export type Options = [NoUnboundedCacheOptions];
export type MessageId = NoUnboundedCacheMessageId;

export default createRule<Options, MessageId>({
  name: RULE_NAME,
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow in-process caches that can only grow: `Map` caches without eviction and memoizers or cache libraries without a bound',
    },
    hasSuggestions: true,
    messages: noUnboundedCache.messages,
    schema: [
      {
        type: 'object',
        description: 'Options for no-unbounded-cache.',
        properties: {
          defaultMax: {
            type: 'integer',
            description: 'The entry count that suggestions write (`max`, `maxSize`).',
            minimum: 1,
          },
          defaultTtlSeconds: {
            type: 'integer',
            description: 'The lifetime in seconds that suggestions write (node-cache `stdTTL`, TanStack Query `gcTime`).',
            minimum: 1,
          },
          lruCacheMajor: {
            type: 'integer',
            description: "lru-cache's major version; read from the nearest package.json when omitted.",
            minimum: 1,
          },
          allowNames: {
            type: 'array',
            description: 'Regular expressions for cache names (variables, class fields, memoized functions) never reported.',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ defaultMax: 1000, defaultTtlSeconds: 300, allowNames: [] }],
  },
  create(context, [options]) {
    return runDetector(context, noUnboundedCache, options);
  },
});
