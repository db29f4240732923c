'use client';

import { memo } from 'react';

export interface OrderSummary {
  id: string;
  number: string;
  total: number;
  status: 'open' | 'paid' | 'shipped';
}

// Memoised so that typing in the table's search box does not re-render every row.
export const OrderRow = memo(function OrderRow({ order, selected, onSelect }: { order: OrderSummary; selected: boolean; onSelect: (id: string) => void }) {
  return (
    <tr aria-selected={selected} onClick={() => onSelect(order.id)}>
      <td>{order.number}</td>
      <td>{order.status}</td>
      <td>{order.total.toFixed(2)}</td>
    </tr>
  );
});
