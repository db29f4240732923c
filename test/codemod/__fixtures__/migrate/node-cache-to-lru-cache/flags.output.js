const { LRUCache } = require('lru-cache');

const flags = new LRUCache({ ttl: 30 * 1000, max: 1000 });

async function isEnabled(name, loadFlag) {
  if (flags.has(name)) return flags.get(name);
  const value = await loadFlag(name);
  flags.set(name, value);
  return value;
}

function clearFlag(name) {
  flags.delete(name);
}

module.exports = { isEnabled, clearFlag };
