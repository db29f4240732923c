import { useInfiniteQuery } from '@tanstack/react-query';

export function useFeed(userId) {
  return useInfiniteQuery({
    queryKey: ['feed', userId],
    queryFn: ({ pageParam = 0 }) => fetch(`/api/feed/${userId}?cursor=${pageParam}`).then((r) => r.json()),
    getNextPageParam: (last) => last.nextCursor,
    gcTime: 0,
    throwOnError: (error) => error.status >= 500,
  });
}
