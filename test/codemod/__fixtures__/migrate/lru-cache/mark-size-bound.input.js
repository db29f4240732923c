const LRU = require('lru-cache');

// v6: max with a length function bounds the total bytes, not the entry count.
const thumbnails = new LRU({
  max: 64 * 1024 * 1024,
  length: (buffer) => buffer.length,
  maxAge: 3600 * 1000,
});

exports.put = (key, buffer) => thumbnails.set(key, buffer);
exports.bytes = () => thumbnails.length;
exports.clear = () => thumbnails.reset();
