import redis from 'redis';
import { promisify } from 'node:util';

const subscriber = redis.createClient(process.env.REDIS_URL);
const getAsync = promisify(subscriber.get).bind(subscriber);

subscriber.on('message', (channel, key) => {
  console.info('invalidate %s on %s', key, channel);
});
subscriber.subscribe('cache-invalidation');

export async function peek(key) {
  return getAsync(key);
}
