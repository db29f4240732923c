import type { Order } from './orders/types';
import { RetryButton } from './RetryButton';

interface OrderDetailsProps {
  order: Order | null;
  onClose: () => void;
  onRetry: () => void;
}

// A plain component: it re-renders whenever its parent does.
export function OrderDetails({ order, onClose, onRetry }: OrderDetailsProps) {
  if (!order) return null;
  return (
    <aside className="drawer">
      <header>
        <h2>Order {order.number}</h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </header>
      {order.status === 'cancelled' && <RetryButton onClick={onRetry} />}
    </aside>
  );
}
