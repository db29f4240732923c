import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { enclosingFunction } from '../ast.js';
import type { HeaderWrite, HttpAnalysis } from './analysis.js';
import { parseCacheControl, type ParsedCacheControl } from './cache-control.js';

/**
 * The other header writes on the same response as `write`: the handler's, the sibling
 * properties of one headers object, or the web-response writes of the same function.
 */
export function sameResponseWrites(write: HeaderWrite, analysis: HttpAnalysis): HeaderWrite[] {
  if (write.handler) return write.handler.writes;
  if (write.node.type === AST_NODE_TYPES.Property) {
    const object = write.node.parent;
    return analysis.writes.filter((other) => other.node.parent === object);
  }
  const fn = enclosingFunction(write.node);
  return analysis.writes.filter((other) => !other.handler && enclosingFunction(other.node) === fn);
}

/** What a response's `Cache-Control` writes say, as far as this file shows. */
export interface CachePolicy {
  /** No `Cache-Control` write at all. */
  readonly none: boolean;
  /** Some write's value is computed at run time, so nothing can be concluded from the others alone. */
  readonly dynamic: boolean;
  /** The parsed static values, in source order, with their writes. */
  readonly values: readonly { readonly write: HeaderWrite; readonly parsed: ParsedCacheControl }[];
}

/** The cache policy of a set of writes on one response. */
export function cachePolicy(writes: readonly HeaderWrite[]): CachePolicy {
  const values: { write: HeaderWrite; parsed: ParsedCacheControl }[] = [];
  let dynamic = false;
  let any = false;
  for (const write of writes) {
    if (write.name !== 'cache-control') continue;
    any = true;
    if (typeof write.value !== 'string') {
      dynamic = true;
      continue;
    }
    values.push({ write, parsed: parseCacheControl(write.value) });
  }
  values.sort((a, b) => a.write.node.range[0] - b.write.node.range[0]);
  return { none: !any, dynamic, values };
}
