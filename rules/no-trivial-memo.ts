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
      description: 'Disallow `useMemo` around cheap primitive expressions, and memos that could live at module scope',
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
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ reactCompiler: 'auto', reportAllInCompiler: false, hoist: false }],
  },
  create(context, [options]) {
    return runDetector(context, noTrivialMemo, options);
  },
});
