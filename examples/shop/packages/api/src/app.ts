import express from 'express';
import { accountRouter } from './routes/account.js';
import { catalogRouter } from './routes/catalog.js';
import { ordersRouter } from './routes/orders.js';

export const app = express();
app.use(express.json());
app.use('/api/catalog', catalogRouter);
app.use('/api/orders', ordersRouter);
app.use('/api/account', accountRouter);
