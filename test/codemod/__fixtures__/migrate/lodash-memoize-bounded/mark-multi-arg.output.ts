import { memoize } from 'lodash';

interface Query {
  table: string;
  limit: number;
}

// Keys on `region` only: two calls with different `locale` share one result.
// cache-codemod-todo(lodash-memoize-bounded): memoize keys on the first argument only: calls that differ in later arguments get the first result; pass a resolver, e.g. memoize(fn, (a, b) => `${a}:${b}`); also, memoize keeps every result for the life of the process: bound it (rerun with --option max=<n> to give it an LRU cache of n entries)
export const greeting = memoize((region: string, locale: string) => `${region}/${locale}`);

// Keys on the query object itself.
// cache-codemod-todo(lodash-memoize-bounded): memoize keys on the argument object itself: a new object per call never hits and every call adds an entry; pass a resolver that builds a key from its fields; also, memoize keeps every result for the life of the process: bound it (rerun with --option max=<n> to give it an LRU cache of n entries)
export const describe = memoize(({ table, limit }: Query) => `${table} LIMIT ${limit}`);

export function render(region: string, locale: string, query: Query): string {
  function local(id: string): string {
    return id.toUpperCase();
  }
  // Per call: lives as long as the call, never marked.
  const upper = memoize(local);
  return `${greeting(region, locale)} ${describe(query)} ${upper(region)}`;
}
