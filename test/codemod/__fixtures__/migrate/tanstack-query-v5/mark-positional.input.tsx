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
    queries: { suspense: true, cacheTime: 60_000 },
  },
})

export function Providers({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
}

export function useTodos() {
  return useQuery(["todos"], fetchTodos, {
    staleTime: 10_000,
    suspense: true,
  })
}

export function useTodo(id: number) {
  return useQuery(todoKeys.detail(id), () => fetchTodo(id), { cacheTime: 0 })
}

export function useAddTodo() {
  const client = useQueryClient()
  return useMutation(
    async (title: string) => {
      await fetch("/api/todos", { method: "POST", body: JSON.stringify({ title }) })
    },
    {
      onSettled: () => {
        void client.invalidateQueries(["todos"])
        void client.invalidateQueries(todoKeys.all)
      },
    },
  )
}

function withInvalidation(client: ReturnType<typeof useQueryClient>, onDone?: () => void) {
  return {
    onSuccess: () => {
      void client.invalidateQueries(["todos"])
      onDone?.()
    },
  }
}

export function useRemoveTodo(onDone?: () => void) {
  const client = useQueryClient()
  return useMutation((id: number) => fetch(`/api/todos/${id}`, { method: "DELETE" }), withInvalidation(client, onDone))
}

export function useRenameTodo(id: number, onDone?: () => void) {
  const client = useQueryClient()
  return useMutation(
    (title: string) =>
      fetch(`/api/todos/${id}`, { method: "PATCH", body: JSON.stringify({ title }) }),
    withInvalidation(client, onDone),
  )
}

export function useTodoPages() {
  return useInfiniteQuery(
    ["todos", "pages"],
    async ({ pageParam = 0 }) => {
      const response = await fetch(`/api/todos?page=${pageParam}`)
      return (await response.json()) as { items: Todo[]; next?: number }
    },
    { getNextPageParam: (last) => last.next },
  )
}
