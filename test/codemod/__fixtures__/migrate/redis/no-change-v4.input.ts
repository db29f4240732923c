import { createClient } from 'redis';

// Already node-redis v4: connected, camelCase commands, options objects.
const client = createClient({ url: process.env.REDIS_URL });
await client.connect();

// Not a redis client: a local object with v3-looking method names.
const legacy = {
  store: new Map<string, string>(),
  hgetall(key: string): string | undefined {
    return this.store.get(key);
  },
  setex(key: string, seconds: number, value: string): void {
    this.store.set(key, `${seconds}:${value}`);
  },
};

export async function profile(id: string): Promise<Record<string, string>> {
  legacy.setex(`seen:${id}`, 60, 'yes');
  void legacy.hgetall(`seen:${id}`);
  await client.set(`seen:${id}`, '1', { EX: 60, NX: true });
  return client.hGetAll(`user:${id}`);
}
