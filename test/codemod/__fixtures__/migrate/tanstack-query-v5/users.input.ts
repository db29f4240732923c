import { QueryClient, useMutation, useQuery } from '@tanstack/react-query';

interface User {
  id: string;
  name: string;
}

const client = new QueryClient();

async function loadUser(id: string): Promise<User> {
  const response = await fetch(`/api/users/${id}`);
  return (await response.json()) as User;
}

const userQuery = (id: string) => ({ queryKey: ['user', id], queryFn: () => loadUser(id) });

const sharedOptions = { staleTime: 30_000, cacheTime: Infinity };

export function prefetchUser(id: string): Promise<void> {
  return client.prefetchQuery({ ...userQuery(id), ...sharedOptions });
}

export function useUser(id: string) {
  const query = useQuery({ ...userQuery(id), keepPreviousData: true });
  return { user: query.data, stale: query.isPreviousData };
}

export function useRename() {
  return useMutation({
    mutationFn: async (user: User) => {
      await fetch(`/api/users/${user.id}`, { method: 'PATCH', body: JSON.stringify(user) });
    },
    useErrorBoundary: true,
  });
}
