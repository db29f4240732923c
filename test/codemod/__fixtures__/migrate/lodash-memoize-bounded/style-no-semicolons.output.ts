import { memoize } from "lodash"
import { readFileSync } from "node:fs"
import { LRUCache } from "lru-cache"

const templateFor = memoize((path: string) => readFileSync(path, "utf8"))
templateFor.cache = new LRUCache({ max: 200 })

export function render(path: string, title: string) {
  return templateFor(path).replace("{{title}}", title)
}
