import { useQuery } from '@tanstack/react-query';
import { toast } from './toast';

export function useOrders(showArchived) {
  return useQuery({
    queryKey: ['orders', showArchived],
    queryFn: () => fetch(`/api/orders?archived=${showArchived}`).then((r) => r.json()),
    // cache-codemod-todo(tanstack-query-v5): keepPreviousData was removed in v5: use `placeholderData: (previous) => (cond ? previous : undefined)` with `keepPreviousData` from the package
    keepPreviousData: showArchived,
    // cache-codemod-todo(tanstack-query-v5): `onError` on queries was removed in v5 and is never called
    onError: (error) => toast(error.message),
  });
}
