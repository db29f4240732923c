import { prisma } from '../db.js';

// Renames a user; the copy cached by services/users.ts keeps the old name until it expires.
export async function renameUser(id: string, name: string) {
  return prisma.user.update({ where: { id }, data: { name } });
}
