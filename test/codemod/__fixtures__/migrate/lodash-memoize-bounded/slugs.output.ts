import memoize from 'lodash/memoize';
import { LRUCache } from 'lru-cache';

export const slugify = memoize((title: string): string =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, ''),
);
slugify.cache = new LRUCache({ max: 500 });

export function headingIds(titles: string[]): string[] {
  return titles.map((title) => slugify(title));
}
