import rule from '../../rules/no-cache-nullish.js';
import { code, jsRuleTester, ruleTester } from '../rule-tester.js';

/*
 * no-cache-nullish, client side: a TanStack Query `queryFn` or an SWR fetcher that returns the body
 * of a `fetch` without checking `ok`/`status` caches the error body as data.
 */

/** `source` with `search` (which must occur exactly once) replaced. */
function edit(source: string, search: string, replacement: string): string {
  const at = source.indexOf(search);
  if (at === -1 || source.indexOf(search, at + 1) !== -1) throw new Error(`expected exactly one ${JSON.stringify(search)}`);
  return source.slice(0, at) + replacement + source.slice(at + search.length);
}

const GUARD = (name: string) => `if (!${name}.ok) throw new Error(\`Request failed: \${${name}.status}\`);`;

const profileQuery = code(
  "import { useQuery } from '@tanstack/react-query';",
  '',
  'export function useProfile(userId: string) {',
  '  return useQuery({',
  "    queryKey: ['profile', userId],",
  '    queryFn: async () => (await fetch(`/users/${userId}`)).json(),',
  '  });',
  '}',
);

const swrInline = code(
  "import useSWR from 'swr';",
  '',
  'export function useItems() {',
  "  return useSWR('/api/items', (url: string) => fetch(url).then((r) => r.json()));",
  '}',
);

const swrShared = code(
  "import useSWR from 'swr';",
  '',
  'const fetcher = async (url: string) => {',
  '  const res = await fetch(url);',
  '  return res.json();',
  '};',
  '',
  'export function useItems() {',
  "  return useSWR('/api/items', fetcher);",
  '}',
  '',
  'export function useTags() {',
  "  return useSWR('/api/tags', fetcher);",
  '}',
);

const helperQuery = code(
  "import { queryOptions, useQueryClient } from '@tanstack/react-query';",
  '',
  'async function getText(url: string) {',
  '  const res = await fetch(url);',
  '  return res.text();',
  '}',
  '',
  "export const readme = queryOptions({ queryKey: ['readme'], queryFn: () => getText('/README.md') });",
  '',
  'export function usePrefetchNotes() {',
  '  const queryClient = useQueryClient();',
  "  return () => queryClient.prefetchQuery({ queryKey: ['notes'], queryFn: () => fetch('/notes').then((res) => {",
  '    return res.json();',
  '  }) });',
  '}',
);

ruleTester.run('no-cache-nullish (client fetchers)', rule as never, {
  valid: [
    {
      name: 'res.ok checked before the body is read',
      filename: 'useProfile.ts',
      code: code(
        "import { useQuery } from '@tanstack/react-query';",
        'export function useProfile(userId: string) {',
        '  return useQuery({',
        "    queryKey: ['profile', userId],",
        '    queryFn: async () => {',
        '      const res = await fetch(`/users/${userId}`);',
        "      if (!res.ok) throw new Error('profile failed');",
        '      return res.json();',
        '    },',
        '  });',
        '}',
      ),
    },
    {
      name: 'the status checked, in a then callback',
      filename: 'useItems.ts',
      code: code(
        "import useSWR from 'swr';",
        'export function useItems() {',
        "  return useSWR('/api/items', (url: string) => fetch(url).then((r) => (r.status === 200 ? r.json() : Promise.reject(r))));",
        '}',
      ),
    },
    {
      name: 'a local fetcher that checks ok and throws, shared by a query and SWR',
      filename: 'api.ts',
      code: code(
        "import { useQuery } from '@tanstack/react-query';",
        "import useSWR from 'swr';",
        'async function fetcher<T>(url: string): Promise<T> {',
        '  const res = await fetch(url);',
        '  if (!res.ok) throw new Error(`${res.status} on ${url}`);',
        '  return res.json() as Promise<T>;',
        '}',
        "export const useA = () => useQuery({ queryKey: ['a'], queryFn: () => fetcher('/a') });",
        "export const useB = () => useSWR('/b', fetcher);",
      ),
    },
    {
      name: 'the response handed to a checker',
      filename: 'useOrders.ts',
      code: code(
        "import { useQuery } from '@tanstack/react-query';",
        "import { assertOk } from './http';",
        'export function useOrders() {',
        '  return useQuery({',
        "    queryKey: ['orders'],",
        '    queryFn: async () => {',
        "      const res = await fetch('/orders');",
        '      assertOk(res);',
        '      return res.json();',
        '    },',
        '  });',
        '}',
      ),
    },
    {
      name: 'throwing clients: ky, axios, ofetch',
      filename: 'clients.ts',
      code: code(
        "import { useQuery } from '@tanstack/react-query';",
        "import useSWR from 'swr';",
        "import ky from 'ky';",
        "import axios from 'axios';",
        "import { ofetch } from 'ofetch';",
        "export const useA = () => useQuery({ queryKey: ['a'], queryFn: () => ky.get('/a').json() });",
        "export const useB = () => useSWR('/b', (url: string) => axios.get(url).then((r) => r.data));",
        "export const useC = () => useQuery({ queryKey: ['c'], queryFn: () => ofetch('/c') });",
        "export const useD = () => useQuery({ queryKey: ['d'], queryFn: () => $fetch('/d') });",
      ),
    },
    {
      name: 'not proven TanStack or SWR: a local useQuery, and a fetch body outside any fetcher',
      filename: 'local.ts',
      code: code(
        "import { useQuery } from './my-query';",
        "import useSWR from 'swr';",
        "export const useA = () => useQuery({ queryKey: ['a'], queryFn: () => fetch('/a').then((r) => r.json()) });",
        "export async function load() { return (await fetch('/b')).json(); }",
        "export const useB = () => useSWR('/b');",
      ),
    },
    {
      name: 'a fetcher that throws on an error body',
      filename: 'useReport.ts',
      code: code(
        "import { useSuspenseQuery } from '@tanstack/react-query';",
        'export function useReport(id: string) {',
        '  return useSuspenseQuery({',
        "    queryKey: ['report', id],",
        '    queryFn: async () => {',
        '      const body = await (await fetch(`/reports/${id}`)).json();',
        '      if (body.error) throw new Error(body.error);',
        '      return body;',
        '    },',
        '  });',
        '}',
      ),
    },
  ],
  invalid: [
    {
      name: 'useQuery: (await fetch(...)).json() in an async arrow',
      filename: 'useProfile.ts',
      code: profileQuery,
      errors: [
        {
          messageId: 'clientResponseCached',
          data: { api: 'useQuery', response: 'response' },
          line: 6,
          suggestions: [
            {
              messageId: 'throwOnFailure',
              data: { api: 'useQuery', response: 'response' },
              output: edit(
                profileQuery,
                ' (await fetch(`/users/${userId}`)).json(),',
                ` { const response = await fetch(\`/users/\${userId}\`); ${GUARD('response')} return response.json(); },`,
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'SWR: an inline fetcher with fetch(url).then((r) => r.json())',
      filename: 'useItems.ts',
      code: swrInline,
      errors: [
        {
          messageId: 'clientResponseCached',
          data: { api: 'useSWR', response: 'r' },
          line: 4,
          suggestions: [
            {
              messageId: 'throwOnFailure',
              data: { api: 'useSWR', response: 'r' },
              output: edit(swrInline, '(r) => r.json()', `(r) => { ${GUARD('r')} return r.json(); }`),
            },
          ],
        },
      ],
    },
    {
      name: 'SWR: a shared fetcher of the same file, reported once',
      filename: 'items.ts',
      code: swrShared,
      errors: [
        {
          messageId: 'clientResponseCached',
          data: { api: 'useSWR', response: 'res' },
          line: 5,
          suggestions: [
            {
              messageId: 'throwOnFailure',
              data: { api: 'useSWR', response: 'res' },
              output: edit(swrShared, '  const res = await fetch(url);\n', `  const res = await fetch(url);\n  ${GUARD('res')}\n`),
            },
          ],
        },
      ],
    },
    {
      name: "queryOptions through a same-file helper, and queryClient.prefetchQuery's then callback",
      filename: 'notes.ts',
      code: helperQuery,
      errors: [
        {
          messageId: 'clientResponseCached',
          data: { api: 'queryOptions', response: 'res' },
          line: 5,
          suggestions: [
            {
              messageId: 'throwOnFailure',
              data: { api: 'queryOptions', response: 'res' },
              output: edit(helperQuery, '  const res = await fetch(url);\n', `  const res = await fetch(url);\n  ${GUARD('res')}\n`),
            },
          ],
        },
        {
          messageId: 'clientResponseCached',
          data: { api: 'queryClient.prefetchQuery', response: 'res' },
          line: 13,
          suggestions: [
            {
              messageId: 'throwOnFailure',
              data: { api: 'queryClient.prefetchQuery', response: 'res' },
              output: edit(helperQuery, '    return res.json();\n  }) });', `    ${GUARD('res')}\n    return res.json();\n  }) });`),
            },
          ],
        },
      ],
    },
    {
      name: 'v4 positional useQuery(key, fn) and useInfiniteQuery, aliased and namespaced imports',
      filename: 'feeds.ts',
      code: code(
        "import * as RQ from '@tanstack/react-query';",
        "import { useQuery as useQ } from 'react-query';",
        "export const useA = () => useQ(['a'], () => fetch('/a').then((r) => r.json()));",
        "export const useB = () => RQ.useInfiniteQuery({ queryKey: ['b'], queryFn: async ({ pageParam }) => (await fetch(`/b?page=${pageParam}`)).json(), initialPageParam: 0, getNextPageParam: () => 1 });",
      ),
      errors: [
        { messageId: 'clientResponseCached', data: { api: 'useQuery', response: 'r' }, line: 3, suggestions: 1 },
        { messageId: 'clientResponseCached', data: { api: 'useInfiniteQuery', response: 'response' }, line: 4, suggestions: 1 },
      ],
    },
  ],
});

jsRuleTester.run('no-cache-nullish (client fetchers, JS)', rule as never, {
  valid: [],
  invalid: [
    {
      name: 'JS: a fetch body returned from a queryFn',
      filename: 'useUser.js',
      code: code(
        "import { useQuery } from '@tanstack/react-query';",
        'export function useUser(id) {',
        "  return useQuery({ queryKey: ['user', id], queryFn: async () => { const res = await fetch(`/users/${id}`); return res.json(); } });",
        '}',
      ),
      errors: [
        {
          messageId: 'clientResponseCached',
          suggestions: [
            {
              messageId: 'throwOnFailure',
              output: code(
                "import { useQuery } from '@tanstack/react-query';",
                'export function useUser(id) {',
                `  return useQuery({ queryKey: ['user', id], queryFn: async () => { const res = await fetch(\`/users/\${id}\`); ${GUARD('res')} return res.json(); } });`,
                '}',
              ),
            },
          ],
        },
      ],
    },
  ],
});
