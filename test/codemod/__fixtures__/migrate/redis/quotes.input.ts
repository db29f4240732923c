import Redis from 'ioredis';

interface Quote {
  id: string;
  body: string;
}

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');

export async function cacheQuote(symbol: string, quote: Quote, seconds: number): Promise<void> {
  await redis.setex(`quote:${symbol}`, seconds, JSON.stringify(quote));
}

export async function cacheBatch(quotes: Quote[]): Promise<void> {
  const pipeline = redis.pipeline();
  for (const quote of quotes) pipeline.psetex(`quote:${quote.id}`, 1500, quote.body);
  await pipeline.exec();
}
