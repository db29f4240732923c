import LRU from 'lru-cache';

// Rate-limit windows: expire after a minute, but nothing bounds how many there are.
export const windows = new LRU({ maxAge: 60 * 1000 });

// Request dedupe: no options at all.
export const seen = new LRU();

export function hit(ip) {
  const count = (windows.get(ip) || 0) + 1;
  windows.set(ip, count);
  seen.set(ip, Date.now());
  return count;
}
