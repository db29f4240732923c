import {
  noCachedPrivateFetch,
  type NoCachedPrivateFetchMessageId,
  type NoCachedPrivateFetchOptions,
} from '../src/core/detectors/no-cached-private-fetch.js';
import { runDetector } from '../src/eslint/adapter.js';
import { createRule } from '../src/eslint/create-rule.js';

export const RULE_NAME = 'no-cached-private-fetch';
export type Options = [NoCachedPrivateFetchOptions];
export type MessageId = NoCachedPrivateFetchMessageId;

export default createRule<Options, MessageId>({
  name: RULE_NAME,
  meta: {
    type: 'problem',
    docs: {
      description: "Disallow per-user requests and request data in Next.js's shared server caches",
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: noCachedPrivateFetch.messages,
    schema: [
      {
        type: 'object',
        description: 'Options for no-cached-private-fetch.',
        properties: {
          nextMajor: {
            type: ['integer', 'null'],
            description:
              'The major version of Next.js, which decides whether `fetch` is cached by default (13 and 14) or not (15 and later). `null` reads it from the nearest package.json (the installed copy first).',
            minimum: 13,
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ nextMajor: null }],
  },
  create(context, [options]) {
    return runDetector(context, noCachedPrivateFetch, options);
  },
});
