import { getDirective, hasDirective, isPrivateOrNoStore } from '../http/cache-control.js';
import { getHttpAnalysis, splitList, type HeaderWrite } from '../http/analysis.js';
import { insertBeside, removeWrite, replaceValue } from '../http/edits.js';
import { cachePolicy, middlewareWrites, sameResponseWrites } from '../http/policy.js';
import { makePrivate } from '../http/values.js';
import { mayUseHttp } from '../http/frameworks.js';
import type { Detector, SuggestionPlan } from '../model.js';

/** Options of `no-per-user-vary`. */
export interface NoPerUserVaryOptions {
  /** Extra request headers that identify a user (beyond `Authorization` and `Cookie`). */
  readonly userHeaders: readonly string[];
}

/** Message ids of `no-per-user-vary`. */
export type NoPerUserVaryMessageId = 'perUserVary' | 'removeFromVary' | 'markPrivate';

/**
 * `Vary` naming a per-user request header (`Authorization`, `Cookie`) on a response shared
 * caches may store: the CDN keeps one copy per user, so it almost never hits, and the origin
 * takes the whole load. Quiet where the response is `private` or `no-store`, and, for
 * `Authorization`, where shared caches would not store it anyway (RFC 9111 §3.5: without
 * `public`, `s-maxage` or `must-revalidate`, an authorised response is not stored). A handler
 * without a `Cache-Control` of its own takes the one middleware in this file sets for it.
 * Suggestions only: dropping `Cookie` from `Vary` leaks per-user content when the content
 * really depends on it, and only a person can tell.
 */
export const noPerUserVary: Detector<NoPerUserVaryOptions, NoPerUserVaryMessageId> = {
  id: 'no-per-user-vary',
  messages: {
    perUserVary:
      '`Vary: {{header}}` makes shared caches keep one copy per user, so the CDN almost never hits; mark per-user responses `private` instead.',
    removeFromVary: 'Remove `{{header}}` from `Vary`.',
    markPrivate: 'Mark the response `Cache-Control: private` instead.',
  },
  gate: (text, _options, filename) => mayUseHttp(text, filename) && /vary/i.test(text),
  detect(file, options, report) {
    const analysis = getHttpAnalysis(file);
    const extra = new Set(options.userHeaders.map((header) => header.toLowerCase()));
    for (const write of analysis.writes) {
      if (write.name !== 'vary') continue;
      const fields = splitList(write.value);
      const perUser = fields.filter((field) => {
        const lower = field.toLowerCase();
        return lower === 'authorization' || lower === 'cookie' || extra.has(lower);
      });
      if (perUser.length === 0) continue;
      const siblings = sameResponseWrites(write, analysis);
      let policy = cachePolicy(siblings);
      // No Cache-Control of its own: middleware this file shows may set it for the handler.
      if (policy.none && write.handler) policy = cachePolicy(middlewareWrites(write.handler, analysis));
      if (policy.dynamic) continue;
      if (policy.values.some(({ parsed }) => isPrivateOrNoStore(parsed))) continue;
      for (const header of perUser) {
        if (header.toLowerCase() === 'authorization') {
          // Shared caches only store authorised responses that opt in explicitly.
          const optsIn = policy.values.some(
            ({ parsed }) =>
              hasDirective(parsed, 'public') || getDirective(parsed, 's-maxage') !== undefined || hasDirective(parsed, 'must-revalidate'),
          );
          if (!optsIn) continue;
        }
        report({
          messageId: 'perUserVary',
          data: { header },
          node: write.valueNode ?? write.node,
          suggestions: suggestionsFor(write, header, fields, siblings, file),
        });
      }
    }
  },
};

function suggestionsFor(
  write: HeaderWrite,
  header: string,
  fields: readonly string[],
  siblings: readonly HeaderWrite[],
  file: Parameters<Detector<unknown, string>['detect']>[0],
): SuggestionPlan<NoPerUserVaryMessageId>[] {
  const out: SuggestionPlan<NoPerUserVaryMessageId>[] = [];
  const rest = fields.filter((field) => field !== header);
  const remove = rest.length > 0 ? replaceValue(write, rest.join(', '), file) : removeWrite(write, file);
  if (remove) out.push({ messageId: 'removeFromVary', data: { header }, edits: remove });
  const cacheControl = siblings.filter((sibling) => sibling.name === 'cache-control');
  let makePrivateEdits;
  if (cacheControl.length === 1 && typeof cacheControl[0]!.value === 'string') {
    makePrivateEdits = replaceValue(cacheControl[0]!, makePrivate(cacheControl[0]!.value), file);
  } else if (cacheControl.length === 0) {
    makePrivateEdits = insertBeside(write, 'Cache-Control', 'private', file);
  }
  if (makePrivateEdits) out.push({ messageId: 'markPrivate', edits: makePrivateEdits });
  return out;
}
