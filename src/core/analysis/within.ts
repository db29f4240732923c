import type { TSESTree } from '@typescript-eslint/types';
import type { FileInput } from '../model.js';
import { getFileIndex, memoPerFile } from './file-index.js';

const KEY = {};

function sortedCalls(file: FileInput): readonly TSESTree.CallExpression[] {
  return memoPerFile(KEY, file.ast, () => [...getFileIndex(file).calls].sort((a, b) => a.range[0] - b.range[0]));
}

/**
 * The calls inside a node's range (nested functions included), in source order, found by binary
 * search over the shared index: no walk, cost proportional to the answer.
 */
export function callsWithin(file: FileInput, node: TSESTree.Node): TSESTree.CallExpression[] {
  const calls = sortedCalls(file);
  const [start, end] = node.range;
  let low = 0;
  let high = calls.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (calls[mid]!.range[0] < start) low = mid + 1;
    else high = mid;
  }
  const out: TSESTree.CallExpression[] = [];
  for (let i = low; i < calls.length; i++) {
    const call = calls[i]!;
    if (call.range[0] >= end) break;
    if (call.range[1] <= end && call !== node) out.push(call);
  }
  return out;
}
