import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';

const app = new Hono();

app.get('/api/recommendations', async (c) => {
  const session = getCookie(c, 'session');
  const items = await recommend(session);
  c.header('Cache-Control', 'public, s-maxage=600');
  return c.json(items);
});

app.post('/api/cart/items', async (c) => {
  const item = await c.req.json();
  await addToCart(item);
  return c.json({ ok: true }, 201);
});

export default app;

declare function recommend(session: string | undefined): Promise<unknown[]>;
declare function addToCart(item: unknown): Promise<void>;
