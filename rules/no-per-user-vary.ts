import {
  noPerUserVary,
  type NoPerUserVaryMessageId,
  type NoPerUserVaryOptions,
} from '../src/core/detectors/no-per-user-vary.js';
import { runDetector } from '../src/eslint/adapter.js';
import { createRule } from '../src/eslint/create-rule.js';

export const RULE_NAME = 'no-per-user-vary';
export type Options = [NoPerUserVaryOptions];
export type MessageId = NoPerUserVaryMessageId;

export default createRule<Options, MessageId>({
  name: RULE_NAME,
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow `Vary: Authorization` and `Vary: Cookie` on responses that shared caches may store',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: noPerUserVary.messages,
    schema: [
      {
        type: 'object',
        description: 'Options for no-per-user-vary.',
        properties: {
          userHeaders: {
            type: 'array',
            description: 'More request headers that identify a user, treated like `Cookie` (for example `X-User-Id`).',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ userHeaders: [] }],
  },
  create(context, [options]) {
    return runDetector(context, noPerUserVary, options);
  },
});
