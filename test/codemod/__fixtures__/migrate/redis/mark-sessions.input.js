const redis = require('redis');

const client = redis.createClient({
  host: process.env.REDIS_HOST,
  port: 6379,
  db: 2,
});

client.on('error', (err) => console.error('redis error', err));

function saveSession(id, session, done) {
  client.setex(`sess:${id}`, 3600, JSON.stringify(session), (err) => {
    if (err) return done(err);
    done(null);
  });
}

function loadSession(id, done) {
  client.get(`sess:${id}`, (err, raw) => {
    if (err) return done(err);
    done(null, raw ? JSON.parse(raw) : null);
  });
}

function touchUser(userId, fields) {
  client.hmset(`user:${userId}`, fields);
  client.sadd('active-users', userId, `team:${fields.team}`);
  client.expire(`user:${userId}`, 86400);
}

function lock(name, done) {
  client.set(`lock:${name}`, '1', 'NX', 'EX', 30, (err, ok) => done(err, ok));
}

function logout(id) {
  client.del(`sess:${id}`, `csrf:${id}`, (err) => {
    if (err) console.error('logout failed', err);
  });
}

module.exports = { saveSession, loadSession, touchUser, lock, logout };
