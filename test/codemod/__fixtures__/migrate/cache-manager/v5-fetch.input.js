import { caching } from 'cache-manager';

const memoryCache = await caching('memory', { max: 100, ttl: 10 * 1000 });

export async function cachedJson(url) {
  return memoryCache.wrap(url, async () => {
    const response = await fetch(url);
    return response.json();
  }, 60 * 1000);
}

export async function isCached(url) {
  return (await memoryCache.get(url)) !== null;
}

export async function flush() {
  await memoryCache.reset();
}
