import { nextRevalidateTag } from './next-revalidate-tag.js';
import { tanstackQueryV5 } from './tanstack-query-v5.js';
import type { Migration } from './types.js';

/** Every migration `cache-codemod migrate <name>` knows, by name. */
export const MIGRATIONS: ReadonlyMap<string, Migration> = new Map([nextRevalidateTag, tanstackQueryV5].map((migration) => [migration.name, migration]));
