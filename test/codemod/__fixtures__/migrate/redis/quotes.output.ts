import Redis from 'ioredis';

interface Quote {
  id: string;
  body: string;
}

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');

export async function cacheQuote(symbol: string, quote: Quote, seconds: number): Promise<void> {
  await redis.set(`quote:${symbol}`, JSON.stringify(quote), 'EX', seconds);
}

export async function cacheBatch(quotes: Quote[]): Promise<void> {
  const pipeline = redis.pipeline();
  for (const quote of quotes) pipeline.set(`quote:${quote.id}`, quote.body, 'PX', 1500);
  await pipeline.exec();
}
