import type { TSESTree } from '@typescript-eslint/types';
import { getHttpAnalysis, splitList, USER_HEADERS, varyFields, type Handler, type HeaderWrite } from '../http/analysis.js';
import { isSharedCacheable } from '../http/cache-control.js';
import { insertBeside, replaceValue } from '../http/edits.js';
import { cachePolicy } from '../http/policy.js';
import type { Detector, FileInput, TextEdit } from '../model.js';

/** Options of `require-vary`. */
export interface RequireVaryOptions {
  /** Request headers whose reads never change the content (logging, tracing), beyond the built-in list. */
  readonly ignoreHeaders: readonly string[];
}

/** Message ids of `require-vary`. */
export type RequireVaryMessageId = 'missingVary';

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
  },
  gate: (text) => /public|max-age|s-maxage/i.test(text),
  detect(file, options, report) {
    const analysis = getHttpAnalysis(file);
    const ignored = new Set(options.ignoreHeaders.map((header) => header.toLowerCase()));
    for (const handler of analysis.handlers) {
      const policy = cachePolicy(handler.writes);
      if (policy.dynamic) continue;
      const shared = policy.values.find(({ parsed }) => isSharedCacheable(parsed));
      if (!shared) continue;
      const vary = varyFields(handler);
      if (vary.has('*') || handler.writes.some((write) => write.name === 'vary' && write.value === undefined)) continue;
      const missing = new Map<string, string>();
      for (const read of handler.headerReads) {
        if (NEUTRAL_HEADERS.has(read.name) || USER_HEADERS.has(read.name) || ignored.has(read.name) || vary.has(read.name)) continue;
        if (!missing.has(read.name)) missing.set(read.name, canonical(read.name, file, read.node));
      }
      if (reflectsOrigin(handler) && !vary.has('origin') && !ignored.has('origin')) missing.set('origin', 'Origin');
      if (missing.size === 0) continue;
      const headers = [...missing.values()];
      const fix = varyFix(handler, shared.write, headers, file);
      for (const header of headers) {
        report({
          messageId: 'missingVary',
          data: { header },
          node: shared.write.valueNode ?? shared.write.node,
          ...(fix ? { fix } : {}),
        });
      }
    }
  },
};

/** The header as the code wrote it when it looks like a header name, else Title-Case. */
function canonical(name: string, file: FileInput, node: TSESTree.Node): string {
  const text = file.text.slice(node.range[0], node.range[1]);
  const match = new RegExp(name.replace(/[-]/g, '[-]'), 'i').exec(text);
  if (match && /[A-Z]/.test(match[0])) return match[0];
  return name.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());
}

/** True when the handler writes a computed `Access-Control-Allow-Origin` (reflecting the request's Origin). */
function reflectsOrigin(handler: Handler): boolean {
  return handler.writes.some(
    (write) => write.name === 'access-control-allow-origin' && write.value !== '*' && (write.value === undefined || handler.headerReads.some((r) => r.name === 'origin')),
  );
}

/**
 * One edit adding every missing header: appended to a static `Vary` written in place, or a
 * new `Vary` write next to the `Cache-Control` write, in the same framework form.
 */
function varyFix(handler: Handler, anchor: HeaderWrite, headers: readonly string[], file: FileInput): TextEdit[] | undefined {
  const existing = handler.writes.filter((write) => write.name === 'vary');
  if (existing.length === 1 && typeof existing[0]!.value === 'string') {
    const current = splitList(existing[0]!.value);
    return replaceValue(existing[0]!, [...current, ...headers].join(', '), file);
  }
  if (existing.length > 0) return undefined;
  const value = headers.join(', ');
  if (handler.framework === 'express' || handler.framework === 'koa') {
    if (anchor.form === 'call' || anchor.form === 'object') {
      // res.vary()/ctx.vary() append and de-duplicate, so they never drop a Vary set elsewhere.
      const edits = insertBeside(anchor, 'Vary', value, file);
      return edits?.map((edit) => ({ ...edit, text: edit.text.replace(/\.(set|header|setHeader)\((['"])Vary\2, /, '.vary(') }));
    }
  }
  return insertBeside(anchor, 'Vary', value, file);
}
