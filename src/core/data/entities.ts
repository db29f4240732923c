import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { staticValue, unwrap } from '../ast.js';
import type { FileInput } from '../model.js';

/*
 * Entities: the one word that lets a cache key, a query key, a table, a model and a function
 * name meet. `user:42`, `users`, `User`, `userRepository`, `prisma.user`, `db.update(users)`,
 * `['users', id]` and `updateUser` all name the entity `user`.
 */

/**
 * The entity a key prefix or model name names, normalised so `user:`, `users:`, `User`,
 * `userRepository` and the `users` table meet: lower case, separators and common suffixes
 * dropped, a plural `s` dropped. The last segment of a prefix wins (`app:user:` → `user`).
 */
export function entityOf(name: string): string | undefined {
  const base = name
    .replace(/(Repository|Repo|Model|Service|Table|Collection|Store|Dao)$/i, '')
    .replace(/[^A-Za-z0-9]+$/g, '')
    .split(/[:/._-]/)
    .filter(Boolean)
    .pop();
  if (!base) return undefined;
  return singular(base.toLowerCase());
}

/** `users` → `user`, `categories` → `category`, `address` stays; undefined for what is not a word. */
export function singular(word: string): string | undefined {
  let base = word.toLowerCase();
  if (base.length > 3 && base.endsWith('ies')) base = `${base.slice(0, -3)}y`;
  else if (base.length > 4 && /(ss|x|ch|sh)es$/.test(base)) base = base.slice(0, -2);
  else if (base.length > 3 && base.endsWith('s') && !base.endsWith('ss') && !base.endsWith('us') && !base.endsWith('is')) base = base.slice(0, -1);
  return /^[a-z][a-z0-9]*$/.test(base) ? base : undefined;
}

/** The static start of a key expression: `` `user:${id}` `` → `user:`, `'config'` → `config`. */
export function keyPrefix(node: TSESTree.Node, file: FileInput): { prefix: string; text: string; complete: boolean } | undefined {
  const text = file.text.slice(node.range[0], node.range[1]);
  const value = staticValue(node, file);
  if (typeof value === 'string') return { prefix: value, text, complete: true };
  const expression = unwrap(node);
  if (expression.type === AST_NODE_TYPES.TemplateLiteral) {
    const head = expression.quasis[0]?.value.cooked ?? '';
    return head ? { prefix: head, text, complete: false } : undefined;
  }
  if (expression.type === AST_NODE_TYPES.BinaryExpression && expression.operator === '+') {
    const left = staticValue(expression.left, file);
    return typeof left === 'string' && left ? { prefix: left, text, complete: false } : undefined;
  }
  return undefined;
}

/** Words that name an action, a shape or a plumbing layer rather than an entity. */
const NOT_ENTITIES: ReadonlySet<string> = new Set([
  'use', 'get', 'set', 'fetch', 'load', 'find', 'read', 'list', 'all', 'one', 'many', 'by', 'id', 'ids', 'key', 'keys', 'query', 'queries',
  'mutation', 'mutate', 'async', 'fn', 'api', 'request', 'req', 'create', 'add', 'new', 'insert', 'post', 'put', 'patch', 'update', 'edit',
  'save', 'upsert', 'delete', 'remove', 'destroy', 'archive', 'toggle', 'change', 'submit', 'send', 'do', 'handle', 'on', 'the', 'a', 'an',
  'for', 'of', 'to', 'from', 'with', 'and', 'or', 'in', 'my', 'current', 'detail', 'details', 'data', 'info', 'v1', 'v2', 'v3',
  'cache', 'cached', 'repository', 'repo', 'model', 'service', 'table', 'collection', 'store', 'dao', 'client', 'db', 'prisma', 'action',
  'actions', 'options', 'infinite', 'suspense', 'page', 'paginated', 'count', 'search', 'filter', 'filters', 'sort', 'app', 'api',
]);

/**
 * Every entity word in a name or key: camelCase, PascalCase, snake_case and `a:b/c-d` parts,
 * singular, lower case, minus words that name actions or plumbing
 * (`useUpdateTodoItem` → `todo`, `item`; `users:list` → `user`).
 */
export function entityWords(name: string): string[] {
  const out: string[] = [];
  const parts = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/);
  for (const part of parts) {
    if (!part) continue;
    const word = singular(part);
    if (!word || NOT_ENTITIES.has(word) || NOT_ENTITIES.has(part.toLowerCase()) || /^\d/.test(word)) continue;
    if (!out.includes(word)) out.push(word);
  }
  return out;
}

/** True when two lists of entity words share one. */
export function sharesEntity(a: readonly string[], b: readonly string[]): boolean {
  return a.some((word) => b.includes(word));
}
