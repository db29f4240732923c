import { QueryClient, QueryClientProvider, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { ReactNode } from "react"

interface Todo {
  id: number
  title: string
}

const todoKeys = {
  all: ["todos"] as const,
  detail: (id: number) => ["todos", id] as const,
}

async function fetchTodos(): Promise<Todo[]> {
  const response = await fetch("/api/todos")
  return (await response.json()) as Todo[]
}

async function fetchTodo(id: number): Promise<Todo> {
  const response = await fetch(`/api/todos/${id}`)
  return (await response.json()) as Todo
}

const queryClient = new QueryClient({
  defaultOptions: {
    // cache-codemod-todo(tanstack-query-v5): `suspense` was removed in v5: use useSuspenseQuery (or useSuspenseInfiniteQuery) where the query should suspend; its data is never undefined and it takes no `enabled` or `placeholderData`
    queries: { suspense: true, gcTime: 60_000 },
  },
})

export function Providers({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
}

export function useTodos() {
  return useQuery({
    queryKey: ["todos"],
    queryFn: fetchTodos,
    staleTime: 10_000,
    // cache-codemod-todo(tanstack-query-v5): `suspense` was removed in v5: use useSuspenseQuery (or useSuspenseInfiniteQuery) where the query should suspend; its data is never undefined and it takes no `enabled` or `placeholderData`
    suspense: true,
  })
}

export function useTodo(id: number) {
  return useQuery({ queryKey: todoKeys.detail(id), queryFn: () => fetchTodo(id), gcTime: 0 })
}

export function useAddTodo() {
  const client = useQueryClient()
  return useMutation(
    {
      mutationFn: async (title: string) => {
        await fetch("/api/todos", { method: "POST", body: JSON.stringify({ title }) })
      },
      onSettled: () => {
        void client.invalidateQueries({ queryKey: ["todos"] })
        // cache-codemod-todo(tanstack-query-v5): v5 takes filters only: ({ queryKey, ...filters }); a query key passed here is read as filters and matches every query
        void client.invalidateQueries(todoKeys.all)
      },
    },
  )
}

function withInvalidation(client: ReturnType<typeof useQueryClient>, onDone?: () => void) {
  return {
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ["todos"] })
      onDone?.()
    },
  }
}

export function useRemoveTodo(onDone?: () => void) {
  const client = useQueryClient()
  return useMutation({ ...withInvalidation(client, onDone), mutationFn: (id: number) => fetch(`/api/todos/${id}`, { method: "DELETE" }) })
}

export function useRenameTodo(id: number, onDone?: () => void) {
  const client = useQueryClient()
  return useMutation({
    ...withInvalidation(client, onDone),
    mutationFn: (title: string) =>
      fetch(`/api/todos/${id}`, { method: "PATCH", body: JSON.stringify({ title }) }),
  })
}

export function useTodoPages() {
  // cache-codemod-todo(tanstack-query-v5): v5 infinite queries need `initialPageParam` (v4 fetched the first page with pageParam undefined, so a `pageParam = <default>` parameter held it): add initialPageParam: <first page>
  return useInfiniteQuery(
    { queryKey: ["todos", "pages"], queryFn: async ({ pageParam = 0 }) => {
      const response = await fetch(`/api/todos?page=${pageParam}`)
      return (await response.json()) as { items: Todo[]; next?: number }
    }, getNextPageParam: (last) => last.next },
  )
}
