import { prisma } from '../db.js';
import { redis } from '../redis.js';

export async function listOrders(userId: string) {
  const cached = await redis.get(`orders:${userId}`);
  if (cached) return JSON.parse(cached);
  const orders = await prisma.order.findMany({ where: { userId } });
  await redis.set(`orders:${userId}`, JSON.stringify(orders), 'EX', 120);
  return orders;
}

export async function createOrder(userId: string, body: { items: string[] }) {
  const order = await prisma.order.create({ data: { userId, items: body.items } });
  await redis.del(`orders:${userId}`);
  return order;
}

// Cancels an order but leaves the cached list of the user's orders as it was.
export async function cancelOrder(userId: string, id: string) {
  await prisma.order.update({ where: { id, userId }, data: { status: 'cancelled' } });
}
