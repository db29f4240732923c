import {
  requireCacheFallback,
  type RequireCacheFallbackMessageId,
  type RequireCacheFallbackOptions,
} from '../src/core/detectors/require-cache-fallback.js';
import { runDetector } from '../src/eslint/adapter.js';
import { createRule } from '../src/eslint/create-rule.js';

export const RULE_NAME = 'require-cache-fallback';
export type Options = [RequireCacheFallbackOptions];
export type MessageId = RequireCacheFallbackMessageId;

export default createRule<Options, MessageId>({
  name: RULE_NAME,
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require remote cache reads and writes to fall through to the source when the cache is down',
      recommended: 'strict',
    },
    hasSuggestions: true,
    messages: requireCacheFallback.messages,
    schema: [
      {
        type: 'object',
        description: 'Options for require-cache-fallback.',
        properties: {
          rejectionHandler: {
            type: 'string',
            description: 'The function the suggestion passes to `.catch(...)` on a cache write, for example `(error) => logger.warn(error)`.',
            minLength: 1,
          },
          checkAwaitedWrites: {
            type: 'boolean',
            description: 'Also report awaited cache writes that follow the source read: a failed write there fails a request whose data is already loaded.',
          },
          cacheManagerMajor: {
            type: ['integer', 'null'],
            description: 'The major version of cache-manager (from v6 its `get` turns store errors into misses); `null` reads it from the nearest package.json.',
            minimum: 1,
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ rejectionHandler: '() => {}', checkAwaitedWrites: true, cacheManagerMajor: null }],
  },
  create(context, [options]) {
    return runDetector(context, requireCacheFallback, options);
  },
});
