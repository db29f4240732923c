import memoize from 'lodash/memoize';

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
