import { createClient } from 'redis';

interface Cart {
  items: { sku: string; qty: number }[];
}

// cache-codemod-todo(redis): node-redis v4 does not connect by itself: `await client.connect()` before the first command (ClientClosedError otherwise)
const client = createClient({ socket: { port: 6379, host: 'cache.internal' } });
client.on('error', (error: Error) => console.error('redis', error));

export function saveCart(userId: string, cart: Cart): void {
  // cache-codemod-todo(redis): v4 returns a promise: await it or add .catch(), or a failure becomes an unhandled rejection (v3 emitted it as an error event)
  client.set(`cart:${userId}`, JSON.stringify(cart), { EX: 7 * 24 * 3600 });
  // cache-codemod-todo(redis): v4 returns a promise: await it or add .catch(), or a failure becomes an unhandled rejection (v3 emitted it as an error event)
  client.hIncrBy('cart-counts', userId, cart.items.length);
}

export function loadCart(userId: string, done: (error: Error | null, cart?: Cart) => void): void {
  client.get(`cart:${userId}`).then((raw) => {
    done(null, raw ? (JSON.parse(raw) as Cart) : { items: [] });
  }, (err) => { return done(err); });
}

export function dropCart(userId: string): void {
  // cache-codemod-todo(redis): v4 returns a promise: await it or add .catch(), or a failure becomes an unhandled rejection (v3 emitted it as an error event)
  client.del([`cart:${userId}`, `cart-lock:${userId}`]);
  // cache-codemod-todo(redis): v4 returns a promise: await it or add .catch(), or a failure becomes an unhandled rejection (v3 emitted it as an error event)
  client.hDel('cart-counts', userId);
}
