import {
  noNaiveEtagComparison,
  type NoNaiveEtagComparisonMessageId,
} from '../src/core/detectors/no-naive-etag-comparison.js';
import { runDetector } from '../src/eslint/adapter.js';
import { createRule } from '../src/eslint/create-rule.js';

export const RULE_NAME = 'no-naive-etag-comparison';
export type Options = [];
export type MessageId = NoNaiveEtagComparisonMessageId;

export default createRule<Options, MessageId>({
  name: RULE_NAME,
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow comparing `If-None-Match` to an ETag with `===` or `includes`',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: noNaiveEtagComparison.messages,
    schema: [],
  },
  create(context) {
    return runDetector(context, noNaiveEtagComparison, {});
  },
});
