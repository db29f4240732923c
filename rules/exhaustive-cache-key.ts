import {
  exhaustiveCacheKey,
  type ExhaustiveCacheKeyMessageId,
  type ExhaustiveCacheKeyOptions,
} from '../src/core/detectors/exhaustive-cache-key.js';
import { runDetector } from '../src/eslint/adapter.js';
import { createRule } from '../src/eslint/create-rule.js';

export const RULE_NAME = 'exhaustive-cache-key';
export type Options = [ExhaustiveCacheKeyOptions];
export type MessageId = ExhaustiveCacheKeyMessageId;

export default createRule<Options, MessageId>({
  name: RULE_NAME,
  meta: {
    type: 'problem',
    docs: {
      description: 'Require cache keys to include every input the cached value depends on',
    },
    hasSuggestions: true,
    messages: exhaustiveCacheKey.messages,
    schema: [
      {
        type: 'object',
        description: 'Options for exhaustive-cache-key.',
        properties: {
          ignoreInputs: {
            type: 'array',
            description:
              'Names of parameters, locals or properties that never belong in a key (for example a request id passed only for tracing), added to the built-in list (`signal`, `logger`, `span`, `trx`, ...).',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ ignoreInputs: [] }],
  },
  create(context, [options]) {
    return runDetector(context, exhaustiveCacheKey, options);
  },
});
