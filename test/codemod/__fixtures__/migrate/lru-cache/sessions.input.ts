import LRU from 'lru-cache';

interface Session {
  userId: string;
  roles: string[];
}

const sessions = new LRU<string, Session>({
  max: 10_000,
  maxAge: 15 * 60 * 1000,
  stale: false,
  updateAgeOnGet: true,
  dispose: (token, session) => {
    console.info(`session ${token.slice(0, 6)} of ${session.userId} evicted`);
  },
});

export function remember(token: string, session: Session, ttl?: number): void {
  if (ttl !== undefined) sessions.set(token, session, ttl);
  else sessions.set(token, session);
}

export function lookup(token: string): Session | undefined {
  return sessions.get(token);
}

export function forget(token: string): void {
  sessions.del(token);
}

export function stats() {
  return { entries: sessions.itemCount, tokens: sessions.keys().length, first: sessions.keys()[0] };
}

export function logOutEveryone(): void {
  sessions.prune();
  sessions.reset();
}
