import type { OrderSummary } from './OrderRow';

// A plain component: it re-renders whenever OrdersTable does, whatever its props.
export function OrderDetails({ order, onClose }: { order: OrderSummary; onClose: () => void }) {
  return (
    <aside className="drawer">
      <h2>Order {order.number}</h2>
      <p>{order.total.toFixed(2)}</p>
      <button type="button" onClick={onClose}>
        Close
      </button>
    </aside>
  );
}
