import { useQuery as useGraphQL } from 'urql';
import { useQuery } from '@tanstack/react-query';

// urql's options are not TanStack's: its cacheTime-looking keys stay.
export function Profile({ id }: { id: string }) {
  const [result] = useGraphQL({ query: 'query { me { name } }', variables: { id }, context: { cacheTime: 1000 } });
  const settings = { cacheTime: 5000, keepPreviousData: true };
  const posts = useQuery({ queryKey: ['posts', id], queryFn: () => fetch(`/api/posts/${id}`).then((r) => r.json()), gcTime: 60_000 });
  return <p data-settings={JSON.stringify(settings)}>{result.data?.me.name} {posts.data?.length}</p>;
}
