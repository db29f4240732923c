import { redis } from '../redis.js';

// Same key prefix as services/users.ts, different data: each module reads the other's entries.
export async function getUserSessions(id: string) {
  const cached = await redis.get(`user:${id}`);
  if (cached) return JSON.parse(cached);
  const sessions = await loadSessions(id);
  await redis.set(`user:${id}`, JSON.stringify(sessions), 'EX', 60);
  return sessions;
}

declare function loadSessions(id: string): Promise<string[]>;
