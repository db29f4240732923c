import { noRedisKeys, type NoRedisKeysMessageId, type NoRedisKeysOptions } from '../src/core/detectors/no-redis-keys.js';
import { runDetector } from '../src/eslint/adapter.js';
import { createRule } from '../src/eslint/create-rule.js';

export const RULE_NAME = 'no-redis-keys';
export type Options = [NoRedisKeysOptions];
export type MessageId = NoRedisKeysMessageId;

export default createRule<Options, MessageId>({
  name: RULE_NAME,
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow the blocking Redis `KEYS` command',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: noRedisKeys.messages,
    schema: [
      {
        type: 'object',
        description: 'Options for no-redis-keys.',
        properties: {
          nodeRedisMajor: {
            type: ['integer', 'null'],
            description:
              'The major version of the `redis` package (node-redis), which decides the suggestion: `scanIterator` yields single keys in v4 and arrays of keys from v5. `null` reads it from the nearest package.json.',
            minimum: 3,
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ nodeRedisMajor: null }],
  },
  create(context, [options]) {
    return runDetector(context, noRedisKeys, options);
  },
});
