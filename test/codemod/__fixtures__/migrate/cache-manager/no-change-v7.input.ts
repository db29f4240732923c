import { createCache } from 'cache-manager';
import { createKeyv } from 'cacheable';

// Already cache-manager v7: createCache with a bounded Keyv store, TTLs in milliseconds.
export const sessions = createCache({ ttl: 15 * 60 * 1000, stores: [createKeyv({ lruSize: 10_000 })] });

// Not cache-manager: a local store with a v4-looking signature is never touched.
const audit = {
  entries: new Map<string, unknown>(),
  async set(key: string, value: unknown, options: { ttl: number }): Promise<void> {
    this.entries.set(key, { value, until: Date.now() + options.ttl * 1000 });
  },
};

export async function remember(id: string, data: unknown): Promise<void> {
  await sessions.set(`session:${id}`, data, 60_000);
  await audit.set(`session:${id}`, data, { ttl: 60 });
}
