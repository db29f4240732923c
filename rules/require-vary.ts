import { requireVary, type RequireVaryMessageId, type RequireVaryOptions } from '../src/core/detectors/require-vary.js';
import { runDetector } from '../src/eslint/adapter.js';
import { createRule } from '../src/eslint/create-rule.js';

export const RULE_NAME = 'require-vary';
export type Options = [RequireVaryOptions];
export type MessageId = RequireVaryMessageId;

export default createRule<Options, MessageId>({
  name: RULE_NAME,
  meta: {
    type: 'problem',
    docs: {
      description: 'Require `Vary` to list the request headers that a shared-cacheable response depends on',
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: requireVary.messages,
    schema: [
      {
        type: 'object',
        description: 'Options for require-vary.',
        properties: {
          ignoreHeaders: {
            type: 'array',
            description: 'Request headers whose reads never change the response body (for example headers read only for logging).',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ ignoreHeaders: [] }],
  },
  create(context, [options]) {
    return runDetector(context, requireVary, options);
  },
});
