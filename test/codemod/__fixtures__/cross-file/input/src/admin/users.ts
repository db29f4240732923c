import { prisma } from '../db';

// Renames a user: the cached copy in users/cache.ts keeps the old name for five minutes.
export async function renameUser(id: string, name: string) {
  return prisma.user.update({ where: { id }, data: { name } });
}
