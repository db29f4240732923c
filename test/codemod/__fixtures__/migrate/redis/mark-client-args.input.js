const redis = require('redis');
const bluebird = require('bluebird');
const config = require('./config');

bluebird.promisifyAll(redis.RedisClient.prototype);
bluebird.promisifyAll(redis.Multi.prototype);

const REDIS_URL = process.env.REDIS_URL || 6379;

const cache = redis.createClient(config.redisUrl);
const queue = redis.createClient(REDIS_URL);
const local = redis.createClient('/var/run/redis/redis.sock');
const remote = redis.createClient('redis://cache.internal:6379/1');
const plain = redis.createClient(6380);

const sessions = redis.createClient({
  host: config.redis.host,
  port: config.redis.port,
  password: config.redis.password,
  retry_unfulfilled_commands: true,
  db: 3,
});

async function start() {
  await Promise.all([cache, queue, local, remote, plain, sessions].map((client) => client.connect()));
}

module.exports = { cache, queue, local, remote, plain, sessions, start };
