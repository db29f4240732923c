import memoize from 'lodash/memoize';
import { LRUCache } from 'lru-cache';

// Already bounded, with a resolver: nothing to do.
export const area = memoize((width, height) => width * height, (width, height) => `${width}x${height}`);
area.cache = new LRUCache({ max: 200 });

// A local function named memoize is not lodash's.
function memo(fn) {
  const seen = new Map();
  return (key) => (seen.has(key) ? seen.get(key) : (seen.set(key, fn(key)), seen.get(key)));
}
export const double = memo((n) => n * 2);
