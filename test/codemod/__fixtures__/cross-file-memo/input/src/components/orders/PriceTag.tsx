import { memo } from 'react';

interface PriceTagProps {
  amount: number;
  format: { currency: string; locale?: string };
}

function PriceTag({ amount, format }: PriceTagProps) {
  return <span>{new Intl.NumberFormat(format.locale, { style: 'currency', currency: format.currency }).format(amount)}</span>;
}

// A custom comparator: a fresh `format` object does not re-render it.
export default memo(PriceTag, (prev, next) => prev.amount === next.amount && prev.format.currency === next.format.currency);
