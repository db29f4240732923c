const Redis = require('ioredis');

const redis = new Redis({ host: 'rate-limit.internal', keyPrefix: 'rl:' });

module.exports = async function allow(ip, limit) {
  const count = await redis.incr(ip);
  if (count === 1) await redis.set(`${ip}:window`, Date.now(), 'EX', 60);
  return count <= limit;
};
