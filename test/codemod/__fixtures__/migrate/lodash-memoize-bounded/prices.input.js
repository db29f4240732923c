const _ = require('lodash');

function formatPrice(cents, currency) {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).format(cents / 100);
}

const priceLabel = _.memoize(formatPrice, (cents, currency) => `${currency}:${cents}`);

function percentLabel(ratio) {
  return `${Math.round(ratio * 100)}%`;
}

const percent = _.memoize(percentLabel);

module.exports = { priceLabel, percent };
