const NodeCache = require('node-cache');

const flags = new NodeCache({ stdTTL: 30, maxKeys: 1000, useClones: false, checkperiod: 0 });

async function isEnabled(name, loadFlag) {
  if (flags.has(name)) return flags.get(name);
  const value = await loadFlag(name);
  flags.set(name, value);
  return value;
}

function clearFlag(name) {
  flags.del(name);
}

module.exports = { isEnabled, clearFlag };
