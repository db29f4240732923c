import { QueryClient } from '@tanstack/react-query';

// Nothing is ever garbage-collected from this client's cache.
export const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 30_000, gcTime: Infinity } },
});
