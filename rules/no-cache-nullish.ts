import {
  noCacheNullish,
  type NoCacheNullishMessageId,
  type NoCacheNullishOptions,
} from '../src/core/detectors/no-cache-nullish.js';
import { runDetector } from '../src/eslint/adapter.js';
import { createRule } from '../src/eslint/create-rule.js';

export const RULE_NAME = 'no-cache-nullish';
export type Options = [NoCacheNullishOptions];
export type MessageId = NoCacheNullishMessageId;

export default createRule<Options, MessageId>({
  name: RULE_NAME,
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow caching `null`/`undefined`, errors, failed responses and rejected promises',
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: noCacheNullish.messages,
    schema: [
      {
        type: 'object',
        description: 'Options for no-cache-nullish.',
        properties: {
          nonNullableCalls: {
            type: 'array',
            description:
              'Function or method names whose awaited result is never `null` or `undefined` (for example a repository method that throws when nothing is found), added to the built-in list.',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ nonNullableCalls: [] }],
  },
  create(context, [options]) {
    return runDetector(context, noCacheNullish, options);
  },
});
