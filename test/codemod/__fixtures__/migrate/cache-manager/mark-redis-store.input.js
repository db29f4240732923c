const cacheManager = require('cache-manager');
const redisStore = require('cache-manager-redis-store');
const config = require('./config');

const redisCache = cacheManager.caching({
  store: redisStore,
  host: config.redis.host,
  port: 6379,
  ttl: config.cacheSeconds,
});

function getUser(id, done) {
  redisCache.get(`user:${id}`, (error, user) => done(error, user));
}

function putUser(user) {
  return redisCache.set(`user:${user.id}`, user, { ttl: config.userSeconds });
}

module.exports = { getUser, putUser };
