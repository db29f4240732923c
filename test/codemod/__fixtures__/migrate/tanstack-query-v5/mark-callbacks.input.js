import { useQuery } from '@tanstack/react-query';
import { toast } from './toast';

export function useOrders(showArchived) {
  return useQuery({
    queryKey: ['orders', showArchived],
    queryFn: () => fetch(`/api/orders?archived=${showArchived}`).then((r) => r.json()),
    keepPreviousData: showArchived,
    onError: (error) => toast(error.message),
  });
}
