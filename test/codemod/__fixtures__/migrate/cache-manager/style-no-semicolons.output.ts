import { createCache } from "cache-manager"
import { createKeyv } from "cacheable"

export const pages = createCache({ stores: [createKeyv({ lruSize: 200 })], ttl: 300 * 1000 })

export async function page(path: string, render: () => Promise<string>) {
  return pages.wrap(path, render)
}
