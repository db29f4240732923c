import {
  preferStampedeProtection,
  type PreferStampedeProtectionMessageId,
  type PreferStampedeProtectionOptions,
} from '../src/core/detectors/prefer-stampede-protection.js';
import { runDetector } from '../src/eslint/adapter.js';
import { createRule } from '../src/eslint/create-rule.js';

export const RULE_NAME = 'prefer-stampede-protection';
export type Options = [PreferStampedeProtectionOptions];
export type MessageId = PreferStampedeProtectionMessageId;

export default createRule<Options, MessageId>({
  name: RULE_NAME,
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require cache-aside loads to guard against stampedes with single-flight, a lock, stale-while-revalidate or TTL jitter',
    },
    hasSuggestions: true,
    messages: preferStampedeProtection.messages,
    schema: [
      {
        type: 'object',
        description: 'Options for prefer-stampede-protection.',
        properties: {
          jitterRatio: {
            type: 'number',
            description: 'The largest random jitter the suggestion adds to a literal TTL, as a fraction of it (0.1 adds up to 10%).',
            minimum: 0,
            exclusiveMinimum: true,
            maximum: 1,
          },
          protectors: {
            type: 'array',
            description: 'Names of your own functions or modules that already coalesce, lock or single-flight a load (for example `singleFlight` or `@acme/cache`).',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ jitterRatio: 0.1, protectors: [] }],
  },
  create(context, [options]) {
    return runDetector(context, preferStampedeProtection, options);
  },
});
