import {
  noTrivialMemo,
  type NoTrivialMemoMessageId,
  type NoTrivialMemoOptions,
} from '../src/core/detectors/no-trivial-memo.js';
import { runDetector } from '../src/eslint/adapter.js';
import { createRule } from '../src/eslint/create-rule.js';

export const RULE_NAME = 'no-trivial-memo';
export type Options = [NoTrivialMemoOptions];
export type MessageId = NoTrivialMemoMessageId;

export default createRule<Options, MessageId>({
  name: RULE_NAME,
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow memos that cannot pay off: cheap primitives, lookups, values whose identity nothing observes, memos their deps defeat, and memos that could live at module scope',
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: noTrivialMemo.messages,
    schema: [
      {
        type: 'object',
        description: 'Options for no-trivial-memo.',
        properties: {
          reactCompiler: {
            description:
              "Whether the React Compiler memoises this code: 'auto' detects `'use memo'` directives and `babel-plugin-react-compiler` in the nearest package.json; true or false states it.",
            oneOf: [
              { type: 'boolean', description: 'true: the compiler runs; false: never mention it.' },
              { type: 'string', enum: ['auto'], description: "'auto': detect the compiler." },
            ],
          },
          reportAllInCompiler: {
            type: 'boolean',
            description: 'Where the React Compiler runs, report every manual `useMemo`/`useCallback`, not only trivial ones.',
          },
          hoist: {
            type: 'boolean',
            description: 'Also report empty-deps `useMemo`/`useCallback` that use nothing from the component, to hoist to module scope.',
          },
          reportLookups: {
            type: 'boolean',
            description: 'Report `useMemo` around lookups (`TABLE[key]`, `a?.b`, `map.get(key)`), which give back the same reference with or without the memo.',
          },
          reportUnobservedIdentity: {
            type: 'boolean',
            description: 'Report `useCallback`s that are only ever called and object or array memos that are only read through their members: nothing sees their identity.',
          },
          reportDefeatedMemos: {
            type: 'boolean',
            description:
              'Report memos that recompute on every render anyway: a dep holding a whole `useMutation()` result, or a callback only handed to `handleSubmit(...)`.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ reactCompiler: 'auto', reportAllInCompiler: false, hoist: false, reportLookups: true, reportUnobservedIdentity: true, reportDefeatedMemos: true }],
  },
  create(context, [options]) {
    return runDetector(context, noTrivialMemo, options);
  },
});
