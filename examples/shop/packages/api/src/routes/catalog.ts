import { createHash } from 'node:crypto';
import { Router } from 'express';
import { listProducts, getProduct } from '../services/products.js';

export const catalogRouter = Router();

// The catalog is the same for everyone, so a CDN may cache it; but it is translated.
catalogRouter.get('/', async (req, res) => {
  const locale = req.get('Accept-Language') ?? 'en';
  const products = await listProducts({ category: String(req.query.category ?? 'all'), page: Number(req.query.page ?? 1), locale });
  res.set('Cache-Control', 'public, max-age=60, s-max-age=300');
  res.json(products);
});

catalogRouter.get('/:id', async (req, res) => {
  const product = await getProduct(req.params.id);
  const body = JSON.stringify(product);
  const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
  if (req.headers['if-none-match'] === etag) {
    res.status(304).end();
    return;
  }
  res.set('ETag', etag);
  res.set('Cache-Control', 'public, max-age=0, must-revalidate');
  res.type('json').send(body);
});

const NO_FEATURED: unknown[] = [];

// Featured products come from the merchandising service; while it is down, show none.
catalogRouter.get('/featured', async (req, res) => {
  const upstream = await fetch(`${process.env.MERCH_URL}/featured`);
  if (!upstream.ok) {
    res.set('Cache-Control', 'public, s-maxage=600');
    return res.json(NO_FEATURED);
  }
  res.set('Cache-Control', 'public, s-maxage=600');
  res.json(await upstream.json());
});
