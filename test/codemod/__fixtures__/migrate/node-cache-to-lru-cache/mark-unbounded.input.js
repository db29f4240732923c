import NodeCache from 'node-cache';

// Defaults: no TTL, no key limit, clones on.
const lookups = new NodeCache();

lookups.on('expired', (key) => console.debug('expired', key));

export function claim(token) {
  return lookups.take(token);
}

export function remember(token, owner) {
  return lookups.set(token, owner, 120);
}

export function stats() {
  return lookups.getStats();
}
