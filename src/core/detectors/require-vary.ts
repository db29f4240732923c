import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { enclosingStatement, indentAt, lineBreak, parentOf, unwrap } from '../ast.js';
import { contains } from '../analysis/file-index.js';
import { getHttpAnalysis, splitList, USER_HEADERS, varyFields, type Handler, type HeaderWrite } from '../http/analysis.js';
import { isSharedCacheable } from '../http/cache-control.js';
import { insertBeside, quote, quoteOf, replaceValue, usesSemicolons } from '../http/edits.js';
import { mayUseHttp } from '../http/frameworks.js';
import { cachePolicy, middlewareWrites } from '../http/policy.js';
import type { Detector, FileInput, SuggestionPlan, TextEdit } from '../model.js';

/** Options of `require-vary`. */
export interface RequireVaryOptions {
  /** Request headers whose reads never change the content (logging, tracing), beyond the built-in list. */
  readonly ignoreHeaders: readonly string[];
}

/** Message ids of `require-vary`. */
export type RequireVaryMessageId = 'missingVary' | 'addVary';

/**
 * Request headers that do not select a representation: identity (another rule's business),
 * conditionals and ranges (caches handle them), body metadata, tracing and client addresses
 * (read for logs and rate limits), and the user agent and referrer (read for analytics far
 * more often than for content).
 */
const NEUTRAL_HEADERS: ReadonlySet<string> = new Set([
  'host',
  'if-none-match',
  'if-modified-since',
  'if-match',
  'if-unmodified-since',
  'if-range',
  'range',
  'content-type',
  'content-length',
  'content-encoding',
  'content-md5',
  'transfer-encoding',
  'connection',
  'expect',
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-forwarded-port',
  'x-real-ip',
  'cf-connecting-ip',
  'true-client-ip',
  'x-request-id',
  'x-correlation-id',
  'x-amzn-trace-id',
  'traceparent',
  'tracestate',
  'baggage',
  'user-agent',
  'referer',
  'referrer',
  'origin',
  'cache-control',
  'pragma',
  'x-http-method-override',
  'x-requested-with',
  'sec-fetch-mode',
  'sec-fetch-site',
  'sec-fetch-dest',
  'upgrade',
  'upgrade-insecure-requests',
  'te',
  'keep-alive',
  'via',
  'x-client-ip',
  'x-cluster-client-ip',
  'fastly-client-ip',
  'x-forwarded-prefix',
  'x-trace-id',
  'x-span-id',
  'sentry-trace',
  'b3',
  'x-b3-traceid',
  'x-b3-spanid',
  'x-b3-sampled',
  'x-cloud-trace-context',
  'x-datadog-trace-id',
  'x-datadog-parent-id',
  'cf-ray',
  'x-vercel-id',
  'x-amz-cf-id',
  'x-request-start',
  'x-csrf-token',
  'x-xsrf-token',
  'idempotency-key',
  'x-idempotency-key',
  'sec-fetch-user',
  'sec-purpose',
  'purpose',
]);

/**
 * A response that shared caches may store (`public`, `s-maxage`, or `max-age` without
 * `private`) whose content depends on a request header its `Vary` does not list: the CDN
 * stores the first variant and serves it to everyone (one user's language to the next).
 * `Origin` counts when the handler reflects it into `Access-Control-Allow-Origin`.
 */
export const requireVary: Detector<RequireVaryOptions, RequireVaryMessageId> = {
  id: 'require-vary',
  messages: {
    missingVary:
      'This response is stored by shared caches but its content depends on the `{{header}}` request header, which `Vary` does not list, so the CDN serves one variant to everyone; add `Vary: {{header}}`.',
    addVary: 'Add `{{headers}}` to `Vary` with `@Header` (it replaces a `Vary` that middleware such as CORS set).',
  },
  gate: (text, _options, filename) => mayUseHttp(text, filename) && /public|max-age|s-maxage/i.test(text),
  detect(file, options, report) {
    const analysis = getHttpAnalysis(file);
    const ignored = new Set(options.ignoreHeaders.map((header) => header.toLowerCase()));
    for (const handler of analysis.handlers) {
      const policy = cachePolicy(handler.writes);
      if (policy.dynamic) continue;
      const shared = policy.values.find(({ parsed }) => isSharedCacheable(parsed));
      if (!shared) continue;
      // Vary set here or by middleware this file shows; a computed one cannot be checked.
      const inherited = middlewareWrites(handler, analysis).filter((write) => write.name === 'vary');
      const varyWrites = [...handler.writes.filter((write) => write.name === 'vary'), ...inherited];
      if (varyWrites.some((write) => write.value === undefined)) continue;
      const vary = new Set([...varyFields(handler), ...inherited.flatMap((write) => splitList(write.value).map((f) => f.toLowerCase()))]);
      if (vary.has('*')) continue;
      const missing = new Map<string, string>();
      for (const read of handler.headerReads) {
        if (NEUTRAL_HEADERS.has(read.name) || USER_HEADERS.has(read.name) || ignored.has(read.name) || vary.has(read.name)) continue;
        if (!missing.has(read.name)) missing.set(read.name, canonical(read.name, file, read.node));
      }
      if (reflectsOrigin(handler) && !vary.has('origin') && !ignored.has('origin')) missing.set('origin', 'Origin');
      if (missing.size === 0) continue;
      const headers = [...missing.values()];
      const plan = varyFix(handler, shared.write, headers, file);
      for (const header of headers) {
        report({
          messageId: 'missingVary',
          data: { header },
          node: shared.write.valueNode ?? shared.write.node,
          ...(plan.fix ? { fix: plan.fix } : {}),
          ...(plan.suggestion ? { suggestions: [plan.suggestion] } : {}),
        });
      }
    }
  },
};

/** The header as the code wrote it when it looks like a header name, else Title-Case. */
function canonical(name: string, file: FileInput, node: TSESTree.Node): string {
  // A getter's read is its callee (`req.get`): the name is in the call's arguments.
  const parent = parentOf(node);
  const holder = parent?.type === AST_NODE_TYPES.CallExpression && unwrap(parent.callee) === node ? parent : node;
  const text = file.text.slice(holder.range[0], holder.range[1]);
  const at = text.toLowerCase().indexOf(name);
  const written = at === -1 ? undefined : text.slice(at, at + name.length);
  if (written && /[A-Z]/.test(written)) return written;
  return name.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());
}

/** True when the handler reads the request's `Origin` and writes a non-`*` `Access-Control-Allow-Origin`. */
function reflectsOrigin(handler: Handler): boolean {
  if (!handler.headerReads.some((read) => read.name === 'origin')) return false;
  return handler.writes.some((write) => write.name === 'access-control-allow-origin' && write.value !== '*');
}

/**
 * How the missing headers get into `Vary`. A static `Vary` written in place is extended. Else a
 * new write, in a form that never drops a `Vary` set elsewhere (CORS middleware sets
 * `Vary: Origin` before the handler runs): `res.vary()`/`ctx.vary()` (express, koa: append and
 * de-duplicate), `c.header(..., { append: true })` (hono), `reply.header()` of the current value
 * plus the new fields (fastify has no append), a `Vary` property of a headers object the code
 * builds itself (web `Response`, node `writeHead`). NestJS `@Header` replaces the header, so
 * it is only a suggestion.
 */
function varyFix(
  handler: Handler,
  anchor: HeaderWrite,
  headers: readonly string[],
  file: FileInput,
): { fix?: TextEdit[]; suggestion?: SuggestionPlan<RequireVaryMessageId> } {
  const existing = handler.writes.filter((write) => write.name === 'vary');
  const value = headers.join(', ');
  if (existing.length === 1 && existing[0]!.value !== undefined) {
    const current = splitList(existing[0]!.value);
    const fix = replaceValue(existing[0]!, [...current, ...headers].join(', '), file);
    return fix ? { fix } : {};
  }
  if (existing.length > 0) return {};
  if (anchor.form === 'decorator') {
    const edits = insertBeside(anchor, 'Vary', value, file);
    return edits ? { suggestion: { messageId: 'addVary', data: { headers: value }, edits } } : {};
  }
  if (anchor.framework === 'web' || anchor.framework === 'node' || handler.framework === 'nest') {
    const edits = insertBeside(anchor, 'Vary', value, file);
    if (!edits) return {};
    // A Nest handler writing through @Res() may have middleware-set Vary too: suggest only.
    return handler.framework === 'nest' ? { suggestion: { messageId: 'addVary', data: { headers: value }, edits } } : { fix: edits };
  }
  const response = handler.response?.name;
  if (!response) return {};
  const q = quoteOf(anchor.valueNode ? unwrap(anchor.valueNode) : undefined, file);
  let call: string;
  switch (handler.framework) {
    case 'express':
    case 'koa':
      call = `${response}.vary(${quote(value, q)})`;
      break;
    case 'hono':
      call = `${response}.header(${quote('Vary', q)}, ${quote(value, q)}, { append: true })`;
      break;
    case 'fastify':
      call = `${response}.header(${quote('Vary', q)}, [${response}.getHeader(${quote('Vary', q)}), ${quote(value, q)}].filter(Boolean).join(${quote(', ', q)}))`;
      break;
    default:
      return {};
  }
  const fix = insertStatement(handler, anchor, call, file);
  return fix ? { fix } : {};
}

/**
 * Inserts `call` as a statement of its own next to the statement holding the anchor write:
 * after it when the statement is only that write, else before it (`return c.json(...)`,
 * `res.set(...).json(...)` would send the response first). An expression-bodied arrow
 * handler becomes a block that returns the same value.
 */
function insertStatement(handler: Handler, anchor: HeaderWrite, call: string, file: FileInput): TextEdit[] | undefined {
  const text = file.text;
  const eol = lineBreak(text);
  const statement = enclosingStatement(anchor.node);
  if (statement && contains(handler.fn, statement)) {
    const indent = indentAt(text, statement.range[0]);
    // Follow the statement beside it: files written without semicolons get none.
    const semi = text.slice(statement.range[0], statement.range[1]).trimEnd().endsWith(';') || (statement.type !== AST_NODE_TYPES.ExpressionStatement && usesSemicolons(file)) ? ';' : '';
    const writeCall = anchor.form === 'property' ? parentOf(anchor.node.parent!) : anchor.node;
    const alone = statement.type === AST_NODE_TYPES.ExpressionStatement && unwrap(statement.expression) === writeCall;
    if (alone) return [{ range: [statement.range[1], statement.range[1]], text: `${eol}${indent}${call}${semi}` }];
    // Without semicolons, a statement starting with `(`, `[` or a template would continue the call.
    const guard = semi || /^[([`+\-/]/.test(text[statement.range[0]] ?? '') ? ';' : '';
    return [{ range: [statement.range[0], statement.range[0]], text: `${call}${guard}${eol}${indent}` }];
  }
  const body = handler.fn.body;
  if (body.type === AST_NODE_TYPES.BlockStatement || !contains(body, anchor.node)) return undefined;
  let start = body.range[0];
  let end = body.range[1];
  // Drop the parentheses around an object or sequence body: `(c) => ({ ... })`.
  for (;;) {
    let before = start - 1;
    while (before >= 0 && /\s/.test(text[before]!)) before--;
    let after = end;
    while (after < text.length && /\s/.test(text[after]!)) after++;
    if (text[before] !== '(' || text[after] !== ')') break;
    start = before;
    end = after + 1;
  }
  return [{ range: [start, end], text: `{ ${call}; return ${text.slice(body.range[0], body.range[1])}; }` }];
}
