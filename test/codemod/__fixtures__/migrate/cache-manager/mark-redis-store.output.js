const cacheManager = require('cache-manager');
const redisStore = require('cache-manager-redis-store');
const config = require('./config');

// cache-codemod-todo(cache-manager): a third-party v4 store: v6+ takes Keyv stores (e.g. new Keyv({ store: new KeyvRedis(url) }) from @keyv/redis), v5 its own store packages
const redisCache = cacheManager.caching({
  store: redisStore,
  host: config.redis.host,
  port: 6379,
  // cache-codemod-todo(cache-manager): v4 TTLs are seconds, v5+ milliseconds: multiply this value by 1000 when you port this call
  ttl: config.cacheSeconds,
});

function getUser(id, done) {
  // cache-codemod-todo(cache-manager): callbacks are gone since v5: await the returned promise
  redisCache.get(`user:${id}`, (error, user) => done(error, user));
}

function putUser(user) {
  // cache-codemod-todo(cache-manager): v4 `{ ttl }` is seconds, v5+ a positional number of milliseconds: pass `ttl * 1000` if this value is in seconds
  return redisCache.set(`user:${user.id}`, user, { ttl: config.userSeconds });
}

module.exports = { getUser, putUser };
