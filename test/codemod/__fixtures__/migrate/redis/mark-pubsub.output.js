import redis from 'redis';
import { promisify } from 'node:util';

// cache-codemod-todo(redis): v3 read this argument as a redis:// URL, a Unix socket path or a port, and the file does not show which: v4 takes createClient({ url }), createClient({ socket: { path } }) or createClient({ socket: { port: Number(x) } }); also, node-redis v4 does not connect by itself: `await client.connect()` before the first command (ClientClosedError otherwise)
const subscriber = redis.createClient(process.env.REDIS_URL);
// cache-codemod-todo(redis): v4 commands return promises: call the command directly (camelCase names, e.g. hGetAll) instead of promisifying it
const getAsync = promisify(subscriber.get).bind(subscriber);

// cache-codemod-todo(redis): v4 has no 'message' event: pass a listener to subscribe()/pSubscribe() on a dedicated (duplicate()) connection
subscriber.on('message', (channel, key) => {
  console.info('invalidate %s on %s', key, channel);
});
// cache-codemod-todo(redis): v4 subscribe takes the listener: `await subscriber.subscribe(channel, (message) => ...)`
subscriber.subscribe('cache-invalidation');

export async function peek(key) {
  return getAsync(key);
}
