import {
  requireNoStoreOnMutation,
  type RequireNoStoreOnMutationMessageId,
  type RequireNoStoreOnMutationOptions,
} from '../src/core/detectors/require-no-store-on-mutation.js';
import { runDetector } from '../src/eslint/adapter.js';
import { createRule } from '../src/eslint/create-rule.js';

export const RULE_NAME = 'require-no-store-on-mutation';
export type Options = [RequireNoStoreOnMutationOptions];
export type MessageId = RequireNoStoreOnMutationMessageId;

export default createRule<Options, MessageId>({
  name: RULE_NAME,
  meta: {
    type: 'problem',
    docs: {
      description: 'Require `Cache-Control: no-store` on responses to POST, PUT, PATCH and DELETE handlers',
      recommended: 'recommended',
    },
    fixable: 'code',
    messages: requireNoStoreOnMutation.messages,
    schema: [
      {
        type: 'object',
        description: 'Options for require-no-store-on-mutation.',
        properties: {
          checkMissing: {
            type: 'boolean',
            description: 'Also report every mutation handler that sets no `Cache-Control` header at all, not only those a cache could store.',
          },
          noStoreMiddleware: {
            type: 'array',
            description: 'Names of middleware (as written at the route or in `app.use`) that already send `Cache-Control: no-store`.',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ checkMissing: false, noStoreMiddleware: [] }],
  },
  create(context, [options]) {
    return runDetector(context, requireNoStoreOnMutation, options);
  },
});
