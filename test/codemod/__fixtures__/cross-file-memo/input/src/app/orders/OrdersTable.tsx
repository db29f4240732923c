'use client';

import { memo, useCallback, useRef, useState, type CSSProperties } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Virtuoso } from 'react-virtuoso';
import { OrderCard, OrderRow, PriceTag, SearchInput, StatusBadge, type Order } from '../../components/orders';
import { OrderDetails } from '../../components/OrderDetails';

const HEADER_STYLE: CSSProperties = { position: 'sticky', top: 0 };
const EMPTY: Order[] = [];

// Same-file memo component: ESLint's world, not this check's.
const LocalRow = memo(function LocalRow({ order, onOpen }: { order: Order; onOpen: () => void }) {
  return <li onClick={onOpen}>{order.number}</li>;
});

export function OrdersTable({ customerId }: { customerId: string }) {
  const [query, setQuery] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [zebra] = useState(() => ({ background: '#fafafa' }));
  const scroller = useRef<HTMLDivElement>(null);
  const { data: orders = EMPTY } = useQuery({
    queryKey: ['orders', customerId, query],
    queryFn: () => fetch(`/api/customers/${customerId}/orders?q=${encodeURIComponent(query)}`).then((r) => r.json() as Promise<Order[]>),
  });
  const handleSelect = useCallback((id: string) => setSelectedId(id), []);
  const rowStyle = { height: 40, borderBottom: '1px solid #eee' };
  const rowProps = { selected: false, onSelect: handleSelect };

  function openFirst() {
    if (orders[0]) setSelectedId(orders[0].id);
  }

  const selected = orders.find((order) => order.id === selectedId) ?? null;
  return (
    <div ref={scroller}>
      <SearchInput value={query} onChange={(value) => setQuery(value)} placeholder="Search orders" />
      <table>
        <thead style={HEADER_STYLE}>
          <tr>
            <th>Number</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            <OrderRow
              key={order.id}
              order={order}
              selected={order.id === selectedId}
              onSelect={() => setSelectedId(order.id)}
              style={rowStyle}
            />
          ))}
          {orders.map((order) => (
            <OrderRow key={order.id} order={order} selected={false} onSelect={handleSelect} style={zebra} />
          ))}
          {orders.map((order) => (
            <OrderRow key={order.id} order={order} {...rowProps} />
          ))}
        </tbody>
      </table>
      {orders.map((order) => (
        <OrderCard key={order.id} order={order} actions={<button onClick={openFirst}>Open</button>} />
      ))}
      {/* Nested elements are new children on every render: the memo is defeated by them already. */}
      {orders.map((order) => (
        <OrderCard key={order.id} order={order} actions={[order.status]}>
          <StatusBadge status={order.status} label="Status" />
          <PriceTag amount={order.total} format={{ currency: order.currency }} />
        </OrderCard>
      ))}
      <Virtuoso data={orders} itemContent={(_, order) => <LocalRow order={order} onOpen={() => setSelectedId(order.id)} />} />
      <OrderDetails order={selected} onClose={() => setSelectedId(null)} onRetry={openFirst} />
    </div>
  );
}
