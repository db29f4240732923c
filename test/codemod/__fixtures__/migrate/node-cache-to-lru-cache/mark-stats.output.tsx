import { LRUCache } from 'lru-cache';

// cache-codemod-todo(node-cache-to-lru-cache): node-cache cloned values on set and get (useClones defaults to true); lru-cache hands out the stored object, so callers must not mutate what they get
const avatars = new LRUCache<string, string>({ ttl: 600 * 1000, max: 2000 });

export function Avatar({ userId }: { userId: string }) {
  const url = avatars.get(userId) ?? `/avatars/${userId}.png`;
  avatars.set(userId, url);
  return <img src={url} alt="" />;
}
