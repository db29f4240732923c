import { QueryClient, useQuery } from '@tanstack/react-query';

interface Todo {
  id: number;
  title: string;
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { cacheTime: 10 * 60 * 1000, useErrorBoundary: true },
  },
});

async function fetchTodos(page: number): Promise<Todo[]> {
  const response = await fetch(`/api/todos?page=${page}`);
  return (await response.json()) as Todo[];
}

export function TodoList({ page }: { page: number }) {
  const { data, isPreviousData } = useQuery({
    queryKey: ['todos', page],
    queryFn: () => fetchTodos(page),
    keepPreviousData: true,
    cacheTime: 5 * 60 * 1000,
  });
  return (
    <ul style={{ opacity: isPreviousData ? 0.5 : 1 }}>
      {data?.map((todo) => (
        <li key={todo.id}>{todo.title}</li>
      ))}
    </ul>
  );
}
