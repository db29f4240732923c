/*
 * Components and hooks, by React's own naming convention (the one `rules-of-hooks` relies on):
 * a component is a function named in PascalCase, a hook one named `use` + a capital letter.
 * Pair with `functionName` (./directives.ts), which names anonymous functions after the binding
 * they end up in (`const Row = memo(() => ...)`).
 */

/** `TodoList`, `Page` (not all-caps names such as `URL`). */
export function isComponentName(name: string): boolean {
  return /^[A-Z][a-zA-Z0-9]*$/.test(name) && /[a-z]/.test(name);
}

/** `useTodos`, `useSWRMutation`. */
export function isHookName(name: string): boolean {
  return /^use[A-Z0-9]/.test(name);
}
