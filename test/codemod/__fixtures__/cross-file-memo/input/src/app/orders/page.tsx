'use client';

import * as React from 'react';
import { useQuery } from '@tanstack/react-query';
import { Chart } from '../../components/Chart';
import Filters, { type OrderFilters } from '../../components/Filters';
import { OrderDetails } from '../../components/OrderDetails';
import { OrderRow, type Order } from '../../components/orders';
import Pager from '../../components/Pager';
import { Toolbar } from '../../components/Toolbar';

const OrdersContext = React.createContext<{ refresh: () => void } | null>(null);

function Summary({ onRefresh }: { onRefresh: () => void }) {
  return <button onClick={onRefresh}>Refresh</button>;
}

export default function OrdersPage() {
  const [filters, setFilters] = React.useState<OrderFilters>({ query: '' });
  const [page, setPage] = React.useState(1);
  const [selected, setSelected] = React.useState<Order | null>(null);
  const { data = [], refetch } = useQuery({
    queryKey: ['orders', filters, page],
    queryFn: () => fetch(`/api/orders?page=${page}&q=${filters.query}`).then((r) => r.json() as Promise<Order[]>),
  });

  // Only goes to <OrderDetails>, a plain component: the memo buys nothing.
  const handleClose = React.useCallback(() => setSelected(null), []);
  // <Pager> is plain too.
  const handlePage = React.useCallback((next: number) => setPage(next), []);
  // <Filters> lists onChange in an effect's deps: keep it stable.
  const handleFilters = React.useCallback((next: OrderFilters) => setFilters(next), []);
  // <Chart> spreads rest props: not followed.
  const chartOptions = React.useMemo(() => ({ stacked: true, currency: 'EUR' }), []);
  // <OrderDetails> hands onRetry to another component.
  const handleRetry = React.useCallback(() => refetch(), [refetch]);
  // <OrderRow> is React.memo: this memo is what keeps it from re-rendering.
  const handleSelect = React.useCallback((id: string) => setSelected(data.find((order) => order.id === id) ?? null), [data]);
  // Also an effect dependency.
  const refresh = React.useCallback(() => refetch(), [refetch]);
  React.useEffect(() => {
    const timer = setInterval(refresh, 30_000);
    return () => clearInterval(timer);
  }, [refresh]);
  // Also given to a component of this file.
  const handleRefresh = React.useCallback(() => refetch(), [refetch]);
  // The whole props object goes on inside <Toolbar>.
  const handleExport = React.useCallback(() => window.open(`/api/orders.csv?q=${filters.query}`), [filters.query]);
  // Real work, not identity: filtering is what this memo saves.
  const open = React.useMemo(() => data.filter((order) => order.status === 'open'), [data]);
  const contextValue = React.useMemo(() => ({ refresh }), [refresh]);

  return (
    <OrdersContext.Provider value={contextValue}>
      <Toolbar title="Orders" onExport={handleExport} />
      <Summary onRefresh={handleRefresh} />
      <OrderDetails order={selected} onClose={handleRefresh} onRetry={handleRetry} />
      <Filters value={filters} onChange={handleFilters} />
      <Chart series={open.map((order) => order.total)} options={chartOptions} />
      {data.map((order) => (
        <OrderRow key={order.id} order={order} selected={order.id === selected?.id} onSelect={handleSelect} />
      ))}
      <OrderDetails order={selected} onClose={handleClose} onRetry={() => refetch()} />
      <Pager page={page} pageCount={10} onPage={handlePage} />
    </OrdersContext.Provider>
  );
}
