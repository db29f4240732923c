const redis = require('redis');

// cache-codemod-todo(redis): node-redis v4 does not connect by itself: `await client.connect()` before the first command (ClientClosedError otherwise)
const client = redis.createClient({
  socket: { host: process.env.REDIS_HOST, port: 6379 },
  database: 2,
});

client.on('error', (err) => console.error('redis error', err));

function saveSession(id, session, done) {
  client.set(`sess:${id}`, JSON.stringify(session), { EX: 3600 }).then(() => {
    done(null);
  }, (err) => { return done(err); });
}

function loadSession(id, done) {
  client.get(`sess:${id}`).then((raw) => {
    done(null, raw ? JSON.parse(raw) : null);
  }, (err) => { return done(err); });
}

function touchUser(userId, fields) {
  // cache-codemod-todo(redis): v4 returns a promise: await it or add .catch(), or a failure becomes an unhandled rejection (v3 emitted it as an error event)
  client.hSet(`user:${userId}`, fields);
  // cache-codemod-todo(redis): v4 returns a promise: await it or add .catch(), or a failure becomes an unhandled rejection (v3 emitted it as an error event)
  client.sAdd('active-users', [userId, `team:${fields.team}`]);
  // cache-codemod-todo(redis): v4 returns a promise: await it or add .catch(), or a failure becomes an unhandled rejection (v3 emitted it as an error event)
  client.expire(`user:${userId}`, 86400);
}

function lock(name, done) {
  client.set(`lock:${name}`, '1', { NX: true, EX: 30 }).then((ok) => done(null, ok), (err) => done(err));
}

function logout(id) {
  client.del([`sess:${id}`, `csrf:${id}`]).catch((err) => { console.error('logout failed', err); });
}

module.exports = { saveSession, loadSession, touchUser, lock, logout };
