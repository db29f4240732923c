import NodeCache from 'node-cache';

interface Session {
  userId: string;
  cart: string[];
}

export class SessionStore {
  private readonly cache: NodeCache;

  constructor() {
    this.cache = new NodeCache({ stdTTL: 1800, maxKeys: 10_000 });
  }

  load(id: string): Session | undefined {
    return this.cache.get<Session>(id);
  }

  save(id: string, session: Session): void {
    this.cache.set(id, session);
  }

  end(id: string): void {
    this.cache.del(id);
  }
}
