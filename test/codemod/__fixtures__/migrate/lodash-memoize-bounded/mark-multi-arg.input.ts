import { memoize } from 'lodash';

interface Query {
  table: string;
  limit: number;
}

// Keys on `region` only: two calls with different `locale` share one result.
export const greeting = memoize((region: string, locale: string) => `${region}/${locale}`);

// Keys on the query object itself.
export const describe = memoize(({ table, limit }: Query) => `${table} LIMIT ${limit}`);

export function render(region: string, locale: string, query: Query): string {
  function local(id: string): string {
    return id.toUpperCase();
  }
  // Per call: lives as long as the call, never marked.
  const upper = memoize(local);
  return `${greeting(region, locale)} ${describe(query)} ${upper(region)}`;
}
