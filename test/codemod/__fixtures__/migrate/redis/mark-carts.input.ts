import { createClient } from 'redis';

interface Cart {
  items: { sku: string; qty: number }[];
}

const client = createClient(6379, 'cache.internal');
client.on('error', (error: Error) => console.error('redis', error));

export function saveCart(userId: string, cart: Cart): void {
  client.set(`cart:${userId}`, JSON.stringify(cart), 'EX', 7 * 24 * 3600);
  client.hincrby('cart-counts', userId, cart.items.length);
}

export function loadCart(userId: string, done: (error: Error | null, cart?: Cart) => void): void {
  client.get(`cart:${userId}`, (err, raw) => {
    if (err) return done(err);
    done(null, raw ? (JSON.parse(raw) as Cart) : { items: [] });
  });
}

export function dropCart(userId: string): void {
  client.del(`cart:${userId}`, `cart-lock:${userId}`);
  client.hdel('cart-counts', userId);
}
