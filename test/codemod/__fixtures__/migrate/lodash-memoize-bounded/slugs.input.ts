import memoize from 'lodash/memoize';

export const slugify = memoize((title: string): string =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, ''),
);

export function headingIds(titles: string[]): string[] {
  return titles.map((title) => slugify(title));
}
