import { Router, type Request, type Response } from 'express';
import { requireAuth } from '../auth.js';
import { createOrder, cancelOrder, listOrders } from '../services/orders.js';

export const ordersRouter = Router();

ordersRouter.get('/', requireAuth, async (req: Request, res: Response) => {
  res.set('Cache-Control', 'private, no-cache');
  res.json(await listOrders(req.user!.id));
});

// A mutation: nothing may store this response.
ordersRouter.post('/', requireAuth, async (req: Request, res: Response) => {
  const order = await createOrder(req.user!.id, req.body);
  res.status(201).json(order);
});

ordersRouter.delete('/:id', requireAuth, async (req: Request, res: Response) => {
  await cancelOrder(req.user!.id, req.params.id);
  res.set('Cache-Control', 'max-age=300');
  res.status(204).end();
});
