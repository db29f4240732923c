const _ = require('lodash');
const { LRUCache } = require('lru-cache');

function formatPrice(cents, currency) {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).format(cents / 100);
}

const priceLabel = _.memoize(formatPrice, (cents, currency) => `${currency}:${cents}`);
priceLabel.cache = new LRUCache({ max: 1000 });

function percentLabel(ratio) {
  return `${Math.round(ratio * 100)}%`;
}

const percent = _.memoize(percentLabel);
percent.cache = new LRUCache({ max: 1000 });

module.exports = { priceLabel, percent };
