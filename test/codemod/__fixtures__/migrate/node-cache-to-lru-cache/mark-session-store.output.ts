import { LRUCache } from 'lru-cache';

interface Session {
  userId: string;
  cart: string[];
}

export class SessionStore {
  private readonly cache: LRUCache<string, Session>;

  constructor() {
    // cache-codemod-todo(node-cache-to-lru-cache): node-cache cloned values on set and get (useClones defaults to true); lru-cache hands out the stored object, so callers must not mutate what they get
    this.cache = new LRUCache<string, Session>({ ttl: 1800 * 1000, max: 10_000 });
  }

  load(id: string): Session | undefined {
    return this.cache.get(id);
  }

  save(id: string, session: Session): void {
    this.cache.set(id, session);
  }

  end(id: string): void {
    this.cache.delete(id);
  }
}
