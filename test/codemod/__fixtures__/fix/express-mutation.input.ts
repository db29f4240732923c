import express from 'express';

const app = express();

app.post('/api/orders', async (req, res) => {
  const order = await createOrder(req.body);
  res.status(201).json(order);
});

app.delete('/api/orders/:id', async (req, res) => {
  await cancelOrder(req.params.id);
  res.set('Cache-Control', 'public, max-age=300');
  res.sendStatus(204);
});

app.get('/api/catalog', (req, res) => {
  res.set('Cache-Control', 'public, max_age=60');
  res.json(catalog(req.acceptsLanguages('en', 'de')));
});

declare function createOrder(body: unknown): Promise<unknown>;
declare function cancelOrder(id: string): Promise<void>;
declare function catalog(language: string | false): unknown;
