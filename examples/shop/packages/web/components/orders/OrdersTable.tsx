'use client';

import { useCallback, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { OrderDetails } from './OrderDetails';
import { OrderRow, type OrderSummary } from '@/components/orders/OrderRow';

export function OrdersTable() {
  const [search, setSearch] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const { data: orders = [] } = useQuery({ queryKey: ['orders', search], queryFn: () => fetchOrders(search) });

  // OrderDetails is not React.memo: this useCallback keeps an identity nobody compares.
  const closeDetails = useCallback(() => setSelectedId(null), []);
  const selected = orders.find((order) => order.id === selectedId);

  return (
    <section>
      <input type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
      <table>
        <tbody>
          {orders.map((order) => (
            // A new onSelect function on every render: OrderRow's memo never skips a render.
            <OrderRow key={order.id} order={order} selected={order.id === selectedId} onSelect={() => setSelectedId(order.id)} />
          ))}
        </tbody>
      </table>
      {selected && <OrderDetails order={selected} onClose={closeDetails} />}
    </section>
  );
}

declare function fetchOrders(search: string): Promise<OrderSummary[]>;
