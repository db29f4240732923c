'use client';

import { memo, type CSSProperties } from 'react';
import type { Order } from './types';

interface OrderRowProps {
  order: Order;
  selected: boolean;
  onSelect: (id: string) => void;
  style?: CSSProperties;
}

// A memoised row: the table re-renders on every keystroke in the search box.
export const OrderRow = memo(function OrderRow({ order, selected, onSelect, style }: OrderRowProps) {
  return (
    <tr style={style} aria-selected={selected} onClick={() => onSelect(order.id)}>
      <td>{order.number}</td>
      <td>{order.customer}</td>
      <td>{order.total.toFixed(2)}</td>
    </tr>
  );
});
