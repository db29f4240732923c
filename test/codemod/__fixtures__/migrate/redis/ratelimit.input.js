const Redis = require('ioredis');

const redis = new Redis({ host: 'rate-limit.internal', keyPrefix: 'rl:' });

module.exports = async function allow(ip, limit) {
  const count = await redis.incr(ip);
  if (count === 1) await redis.setex(`${ip}:window`, 60, Date.now());
  return count <= limit;
};
