const { LRUCache: LRU } = require('lru-cache');

// v6: max with a length function bounds the total bytes, not the entry count.
const thumbnails = new LRU({
  // cache-codemod-todo(lru-cache): v6 `max` with a `length` function bounded the total size: it is `maxSize` now; add a `max` entry count if you want one too, and make sizeCalculation return a positive integer
  maxSize: 64 * 1024 * 1024,
  sizeCalculation: (buffer) => buffer.length,
  ttl: 3600 * 1000,
});

exports.put = (key, buffer) => thumbnails.set(key, buffer);
exports.bytes = () => thumbnails.calculatedSize;
exports.clear = () => thumbnails.clear();
