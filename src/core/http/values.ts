import { parseCacheControl } from './cache-control.js';

/**
 * The same `Cache-Control` value made safe for per-user content: `public` and `s-maxage`
 * removed (they only matter to shared caches), `private` added first. Other directives keep
 * their text and order.
 */
export function makePrivate(value: string): string {
  const parsed = parseCacheControl(value);
  const kept = parsed.directives
    .filter((directive) => directive.name !== 'public' && directive.name !== 's-maxage' && directive.name !== 'private')
    .map((directive) => value.slice(directive.start, directive.end));
  return ['private', ...kept].join(', ');
}

/** The value with every caching directive replaced by `no-store`, for responses that must never be stored. */
export const NO_STORE = 'no-store';
