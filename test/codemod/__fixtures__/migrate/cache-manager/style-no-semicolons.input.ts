import { caching } from "cache-manager"

export const pages = caching({ store: "memory", max: 200, ttl: 300 })

export async function page(path: string, render: () => Promise<string>) {
  return pages.wrap(path, render)
}
