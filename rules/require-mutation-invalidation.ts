import {
  requireMutationInvalidation,
  type RequireMutationInvalidationMessageId,
  type RequireMutationInvalidationOptions,
} from '../src/core/detectors/require-mutation-invalidation.js';
import { runDetector } from '../src/eslint/adapter.js';
import { createRule } from '../src/eslint/create-rule.js';

export const RULE_NAME = 'require-mutation-invalidation';
export type Options = [RequireMutationInvalidationOptions];
export type MessageId = RequireMutationInvalidationMessageId;

export default createRule<Options, MessageId>({
  name: RULE_NAME,
  meta: {
    type: 'problem',
    docs: {
      description: 'Require writes to invalidate the cached reads of the data they change (server caches, TanStack Query, SWR, Next.js server actions)',
    },
    hasSuggestions: true,
    messages: requireMutationInvalidation.messages,
    schema: [
      {
        type: 'object',
        description: 'Options for require-mutation-invalidation.',
        properties: {
          allow: {
            type: 'array',
            description:
              'Regular expressions (strings) for writes with nothing to invalidate (for example `^sendMagicLink$`, `logout`, `^track`), tested against the mutation\'s names (its binding, `mutationFn`, custom hook, `mutationKey`), the server action\'s name, or the writing function\'s name.',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
          },
          globalInvalidation: {
            type: 'boolean',
            description:
              'The app invalidates after every TanStack Query mutation from a global `MutationCache` (or `defaultOptions.mutations`) callback configured in another file: `useMutation` calls are then not reported.',
          },
          requireSibling: {
            type: 'boolean',
            description:
              'Report a TanStack mutation or a Next.js server action only when another one in the same file invalidates (the file\'s own convention); false reports every one without invalidation.',
          },
          nextMajor: {
            type: ['integer', 'null'],
            description:
              'The Next.js major version, which decides what suggestions insert (16 and later: `updateTag(tag)` and `revalidateTag(tag, \'max\')`). `null` reads it from the nearest package.json.',
            minimum: 9,
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allow: [], globalInvalidation: false, nextMajor: null, requireSibling: true }],
  },
  create(context, [options]) {
    return runDetector(context, requireMutationInvalidation, options);
  },
});
