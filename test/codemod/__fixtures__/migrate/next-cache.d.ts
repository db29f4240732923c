// A minimal stand-in for the `next/cache` types of Next 16, which the next-revalidate-tag outputs
// are checked against: installing `next` itself costs about 300 MB (the package and its SWC
// binary). Signatures as documented for Next 16 (revalidateTag takes a cache-life profile).
declare module 'next/cache' {
  export type CacheLifeProfile = 'default' | 'seconds' | 'minutes' | 'hours' | 'days' | 'weeks' | 'max' | (string & {});
  export function revalidateTag(tag: string, profile: CacheLifeProfile | { expire?: number; revalidate?: number; stale?: number }): void;
  export function revalidatePath(path: string, type?: 'page' | 'layout'): void;
  export function updateTag(tag: string): void;
  export function unstable_cache<T extends (...args: never[]) => Promise<unknown>>(fn: T, keyParts?: string[], options?: { revalidate?: number | false; tags?: string[] }): T;
}

// Next extends fetch's options with its cache controls.
interface RequestInit {
  next?: { revalidate?: number | false; tags?: string[] };
}
