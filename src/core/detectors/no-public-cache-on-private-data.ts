import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { parentOf, unwrap } from '../ast.js';
import { getHttpAnalysis, middlewareName, type Handler } from '../http/analysis.js';
import { getDirective, hasDirective, isSharedCacheable } from '../http/cache-control.js';
import { replaceValue } from '../http/edits.js';
import { cachePolicy } from '../http/policy.js';
import { makePrivate } from '../http/values.js';
import { mayUseHttp } from '../http/frameworks.js';
import type { Detector, FileInput } from '../model.js';

/** Options of `no-public-cache-on-private-data`. */
export interface NoPublicCacheOnPrivateDataOptions {
  /** A regular expression (case-insensitive) for middleware and guard names that authenticate the request. */
  readonly authMiddlewarePattern: string;
  /**
   * Also report `max-age` without `private` (nor `public`/`s-maxage`) on per-user responses: RFC 9111
   * lets shared caches store those unless the request carried `Authorization`.
   */
  readonly checkImplicitSharedCache: boolean;
}

/** Message ids of `no-public-cache-on-private-data`. */
export type NoPublicCacheOnPrivateDataMessageId = 'publicPrivateData' | 'implicitSharedPrivateData' | 'makePrivate';

/**
 * `public` or `s-maxage` tells CDNs and proxies to store a response and serve it to anyone.
 * A handler that reads who the user is (auth header, cookies, session, `req.user`, `auth()`,
 * `cookies()`), runs behind authentication middleware, or sets a cookie produces a response
 * for one user: stored publicly, the next visitor gets it.
 */
export const noPublicCacheOnPrivateData: Detector<NoPublicCacheOnPrivateDataOptions, NoPublicCacheOnPrivateDataMessageId> = {
  id: 'no-public-cache-on-private-data',
  messages: {
    publicPrivateData:
      '`Cache-Control: {{value}}` lets shared caches serve this response to other users, but it depends on {{evidence}}; per-user responses must be `private` or `no-store`.',
    implicitSharedPrivateData:
      '`Cache-Control: {{value}}` does not say `private`, so shared caches may store this response and serve it to other users, but it depends on {{evidence}}; add `private`.',
    makePrivate: 'Change to `{{replacement}}`.',
  },
  gate: (text, options, filename) => mayUseHttp(text, filename) && (options.checkImplicitSharedCache ? /public|max-age/i : /public|s-maxage/i).test(text),
  detect(file, options, report) {
    const analysis = getHttpAnalysis(file);
    let pattern: RegExp | undefined;
    for (const handler of analysis.handlers) {
      const policy = cachePolicy(handler.writes);
      for (const { write, parsed } of policy.values) {
        const explicit = hasDirective(parsed, 'public') || getDirective(parsed, 's-maxage') !== undefined;
        // Implicitly shared: max-age > 0 with neither `private` nor `no-store`.
        if (!explicit && !(options.checkImplicitSharedCache && isSharedCacheable(parsed))) continue;
        pattern ??= new RegExp(options.authMiddlewarePattern, 'i');
        // Without public/s-maxage/must-revalidate, shared caches do not store answers to requests
        // with `Authorization` (RFC 9111 §3.5): reading it is then no sign of a shared per-user copy.
        const skip = explicit || hasDirective(parsed, 'must-revalidate') ? NOTHING : authorizationReads(handler);
        const evidence = userEvidence(handler, file, pattern, skip);
        if (!evidence) continue;
        const value = String(write.value);
        const replacement = makePrivate(value);
        const edits = replaceValue(write, replacement, file);
        report({
          messageId: explicit ? 'publicPrivateData' : 'implicitSharedPrivateData',
          data: { value, evidence },
          node: write.valueNode ?? write.node,
          ...(edits ? { suggestions: [{ messageId: 'makePrivate', data: { replacement }, edits }] } : {}),
        });
      }
    }
  },
};

const NOTHING: ReadonlySet<TSESTree.Node> = new Set();

/** The handler's reads of the `Authorization` (or `Proxy-Authorization`) request header. */
function authorizationReads(handler: Handler): ReadonlySet<TSESTree.Node> {
  return new Set(handler.headerReads.filter((read) => read.name === 'authorization' || read.name === 'proxy-authorization').map((read) => read.node));
}

/** Words for the first proof that the response is per-user, or undefined when there is none. */
function userEvidence(handler: Handler, file: FileInput, pattern: RegExp, skip: ReadonlySet<TSESTree.Node>): string | undefined {
  // Setting a cookie through a cookie jar (`ctx.cookies.set(...)`) reads as `ctx.cookies`; say what it does.
  const cookieCallees = new Set(handler.cookieWrites.map((call) => (call.type === AST_NODE_TYPES.CallExpression ? unwrap(call.callee) : call)));
  for (const read of handler.userReads) {
    // NestJS guards are judged by name below, like middleware: `ThrottlerGuard` is no proof of a user.
    if (isGuardsDecorator(read) || skip.has(read)) continue;
    if (cookieCallees.has(read) || [...cookieCallees].some((callee) => callee.type === AST_NODE_TYPES.MemberExpression && unwrap(callee.object) === read)) continue;
    return `\`${snippet(read, file)}\``;
  }
  const cookie = handler.cookieWrites[0];
  if (cookie) return `a cookie it sets (\`${snippet(cookie, file)}\`)`;
  const setCookie = handler.writes.find((write) => write.name === 'set-cookie');
  if (setCookie) return 'the `Set-Cookie` header it sends';
  for (const middleware of handler.middleware) {
    if (middleware.type === AST_NODE_TYPES.Decorator) {
      const guard = guardNames(middleware).find((name) => pattern.test(name.replace(/Guard$/, '')));
      if (guard) return `the guard \`${guard}\``;
      continue;
    }
    const name = middlewareName(middleware);
    if (name && pattern.test(name)) return `the authentication middleware \`${name}\``;
  }
  return undefined;
}

/** `@UseGuards(...)` (the analysis lists guards among the user reads). */
function isGuardsDecorator(node: TSESTree.Node): node is TSESTree.Decorator {
  if (node.type !== AST_NODE_TYPES.Decorator) return false;
  const expression = unwrap(node.expression);
  if (expression.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrap(expression.callee);
  return callee.type === AST_NODE_TYPES.Identifier && callee.name === 'UseGuards';
}

/** The class names a guard decorator lists: `@UseGuards(JwtAuthGuard, AuthGuard('jwt'), new RolesGuard())`. */
function guardNames(decorator: TSESTree.Decorator): string[] {
  if (!isGuardsDecorator(decorator)) return [];
  const call = unwrap(decorator.expression) as TSESTree.CallExpression;
  const names: string[] = [];
  for (const arg of call.arguments) {
    let expression = unwrap(arg);
    if (expression.type === AST_NODE_TYPES.CallExpression || expression.type === AST_NODE_TYPES.NewExpression) expression = unwrap(expression.callee);
    if (expression.type === AST_NODE_TYPES.Identifier) names.push(expression.name);
    else if (expression.type === AST_NODE_TYPES.MemberExpression && expression.property.type === AST_NODE_TYPES.Identifier) names.push(expression.property.name);
  }
  return names;
}

function snippet(node: TSESTree.Node, file: FileInput): string {
  let target = node;
  if (target.type === AST_NODE_TYPES.Property) target = target.key;
  // `req.get` read as part of `req.get('Authorization')`: show the call.
  const parent = parentOf(target);
  if (parent?.type === AST_NODE_TYPES.CallExpression && unwrap(parent.callee) === target) target = parent;
  const text = file.text.slice(target.range[0], target.range[1]).replace(/\s+/g, ' ');
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
