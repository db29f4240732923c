import {
  validCacheControl,
  type ValidCacheControlMessageId,
  type ValidCacheControlOptions,
} from '../src/core/detectors/valid-cache-control.js';
import { runDetector } from '../src/eslint/adapter.js';
import { createRule } from '../src/eslint/create-rule.js';

export const RULE_NAME = 'valid-cache-control';
export type Options = [ValidCacheControlOptions];
export type MessageId = ValidCacheControlMessageId;

export default createRule<Options, MessageId>({
  name: RULE_NAME,
  meta: {
    type: 'problem',
    docs: {
      description: 'Enforce well-formed, correctly spelled and consistent `Cache-Control` values',
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: validCacheControl.messages,
    schema: [
      {
        type: 'object',
        description: 'Options for valid-cache-control.',
        properties: {
          allowedDirectives: {
            type: 'array',
            description: 'Extension directives that your caches understand; they are never reported as misspellings.',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allowedDirectives: [] }],
  },
  create(context, [options]) {
    return runDetector(context, validCacheControl, options);
  },
});
