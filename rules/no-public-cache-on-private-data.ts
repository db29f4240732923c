import {
  noPublicCacheOnPrivateData,
  type NoPublicCacheOnPrivateDataMessageId,
  type NoPublicCacheOnPrivateDataOptions,
} from '../src/core/detectors/no-public-cache-on-private-data.js';
import { runDetector } from '../src/eslint/adapter.js';
import { createRule } from '../src/eslint/create-rule.js';

export const RULE_NAME = 'no-public-cache-on-private-data';
export type Options = [NoPublicCacheOnPrivateDataOptions];
export type MessageId = NoPublicCacheOnPrivateDataMessageId;

const validPatterns = new Set<string>();

export default createRule<Options, MessageId>({
  name: RULE_NAME,
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow `public` and `s-maxage` caching on responses that depend on the user',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: noPublicCacheOnPrivateData.messages,
    schema: [
      {
        type: 'object',
        description: 'Options for no-public-cache-on-private-data.',
        properties: {
          authMiddlewarePattern: {
            type: 'string',
            description:
              'Regular expression (case-insensitive) matched against route middleware names and NestJS guard class names (without their `Guard` suffix); a match means the route is authenticated, so its responses are per-user.',
            minLength: 1,
          },
          checkImplicitSharedCache: {
            type: 'boolean',
            description:
              'Also report `max-age` without `private` (or `no-store`) on per-user responses (message `implicitSharedPrivateData`): shared caches may store those unless the request carried `Authorization`, so reads of that header alone are no evidence.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [
      { authMiddlewarePattern: '(?:auth|login|logged|session|passport|jwt|token|protect|guard|role|apikey|requireUser|currentUser)', checkImplicitSharedCache: false },
    ],
  },
  create(context, [options]) {
    // Checked once per pattern, not once per file (compiling it cost ~5 µs a file).
    if (!validPatterns.has(options.authMiddlewarePattern)) {
      try {
        new RegExp(options.authMiddlewarePattern, 'i');
      } catch (error) {
        throw new Error(`cache/${RULE_NAME}: option authMiddlewarePattern is not a valid regular expression: ${(error as Error).message}`, {
          cause: error,
        });
      }
      validPatterns.add(options.authMiddlewarePattern);
    }
    return runDetector(context, noPublicCacheOnPrivateData, options);
  },
});
