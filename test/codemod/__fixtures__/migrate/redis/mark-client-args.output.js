const redis = require('redis');
const bluebird = require('bluebird');
const config = require('./config');

// cache-codemod-todo(redis): v4 has no `RedisClient` export (this throws at startup) and its commands already return promises: remove this and call the camelCase commands with await
bluebird.promisifyAll(redis.RedisClient.prototype);
// cache-codemod-todo(redis): v4 has no `Multi` export (this throws at startup) and its commands already return promises: remove this and call the camelCase commands with await
bluebird.promisifyAll(redis.Multi.prototype);

const REDIS_URL = process.env.REDIS_URL || 6379;

// cache-codemod-todo(redis): v3 read this argument as a redis:// URL, a Unix socket path or a port, and the file does not show which: v4 takes createClient({ url }), createClient({ socket: { path } }) or createClient({ socket: { port: Number(x) } }); also, node-redis v4 does not connect by itself: `await client.connect()` before the first command (ClientClosedError otherwise)
const cache = redis.createClient(config.redisUrl);
// cache-codemod-todo(redis): v3 read this argument as a redis:// URL, a Unix socket path or a port, and the file does not show which: v4 takes createClient({ url }), createClient({ socket: { path } }) or createClient({ socket: { port: Number(x) } }); also, node-redis v4 does not connect by itself: `await client.connect()` before the first command (ClientClosedError otherwise)
const queue = redis.createClient(REDIS_URL);
// cache-codemod-todo(redis): node-redis v4 does not connect by itself: `await client.connect()` before the first command (ClientClosedError otherwise)
const local = redis.createClient({ socket: { path: '/var/run/redis/redis.sock' } });
// cache-codemod-todo(redis): node-redis v4 does not connect by itself: `await client.connect()` before the first command (ClientClosedError otherwise)
const remote = redis.createClient({ url: 'redis://cache.internal:6379/1' });
// cache-codemod-todo(redis): node-redis v4 does not connect by itself: `await client.connect()` before the first command (ClientClosedError otherwise)
const plain = redis.createClient({ socket: { port: 6380 } });

// cache-codemod-todo(redis): node-redis v4 does not connect by itself: `await client.connect()` before the first command (ClientClosedError otherwise)
const sessions = redis.createClient({
  socket: { host: config.redis.host, port: config.redis.port },
  password: config.redis.password,
  // cache-codemod-todo(redis): `retry_unfulfilled_commands` is not a v4 client option: port it by hand
  retry_unfulfilled_commands: true,
  database: 3,
});

async function start() {
  await Promise.all([cache, queue, local, remote, plain, sessions].map((client) => client.connect()));
}

module.exports = { cache, queue, local, remote, plain, sessions, start };
