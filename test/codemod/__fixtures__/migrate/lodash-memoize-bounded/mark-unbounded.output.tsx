import memoize from 'lodash/memoize';

// cache-codemod-todo(lodash-memoize-bounded): memoize keeps every result for the life of the process: bound it (rerun with --option max=<n> to give it an LRU cache of n entries)
const initials = memoize((name: string): string =>
  name
    .split(/\s+/)
    .map((part) => part[0] ?? '')
    .join('')
    .toUpperCase(),
);

export function Badge({ name }: { name: string }) {
  return <span title={name}>{initials(name)}</span>;
}
