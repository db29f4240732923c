import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { enclosingFunction, unwrap } from '../ast.js';
import type { Handler, HeaderWrite, HttpAnalysis } from './analysis.js';
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

/**
 * Header writes a handler inherits from middleware this file shows: functions passed before
 * it in the same registration (`app.get(path, setLocale, handler)`) and `app.use(...)`
 * middleware registered earlier on the same app or router variable.
 */
export function middlewareWrites(handler: Handler, analysis: HttpAnalysis): HeaderWrite[] {
  const out: HeaderWrite[] = [];
  for (const node of handler.middleware) {
    // A function used on several routes is one handler, found at its first registration.
    const target = unwrap(node);
    const middleware = analysis.handlers.find(
      (other) =>
        other !== handler &&
        (other.node === node ||
          other.fn === target ||
          (target.type === AST_NODE_TYPES.Identifier && other.node.type === AST_NODE_TYPES.Identifier && other.node.name === target.name)),
    );
    if (middleware) out.push(...middleware.writes);
  }
  const app = handler.app ? unwrap(handler.app) : undefined;
  if (app?.type === AST_NODE_TYPES.Identifier) {
    for (const middleware of analysis.appMiddleware.get(app.name) ?? []) {
      if (middleware !== handler && middleware.node.range[0] < handler.node.range[0]) out.push(...middleware.writes);
    }
  }
  return out;
}
