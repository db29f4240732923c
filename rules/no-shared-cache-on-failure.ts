import {
  noSharedCacheOnFailure,
  type NoSharedCacheOnFailureMessageId,
  type NoSharedCacheOnFailureOptions,
} from '../src/core/detectors/no-shared-cache-on-failure.js';
import { runDetector } from '../src/eslint/adapter.js';
import { createRule } from '../src/eslint/create-rule.js';

export const RULE_NAME = 'no-shared-cache-on-failure';
export type Options = [NoSharedCacheOnFailureOptions];
export type MessageId = NoSharedCacheOnFailureMessageId;

export default createRule<Options, MessageId>({
  name: RULE_NAME,
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow CDN-cacheable lifetimes on failure and fallback responses, and ISR `revalidate` from error branches',
      recommended: 'strict',
    },
    hasSuggestions: true,
    messages: noSharedCacheOnFailure.messages,
    schema: [
      {
        type: 'object',
        description: 'Options for no-shared-cache-on-failure.',
        properties: {
          maxFailureSeconds: {
            type: 'integer',
            description:
              'Shared lifetimes on a failure branch at or below this many seconds count as deliberate short negative caching and are not reported.',
            minimum: 0,
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ maxFailureSeconds: 60 }],
  },
  create(context, [options]) {
    return runDetector(context, noSharedCacheOnFailure, options);
  },
});
