import { memoize } from "lodash"
import { readFileSync } from "node:fs"

const templateFor = memoize((path: string) => readFileSync(path, "utf8"))

export function render(path: string, title: string) {
  return templateFor(path).replace("{{title}}", title)
}
