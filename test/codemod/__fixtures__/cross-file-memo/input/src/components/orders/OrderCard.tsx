import * as React from 'react';
import type { Order } from './types';

type Props = {
  order: Order;
  actions?: React.ReactNode;
  children?: React.ReactNode;
};

const OrderCard = React.memo((props: Props) => (
  <article className="order-card">
    <h3>{props.order.number}</h3>
    {props.children}
    <footer>{props.actions}</footer>
  </article>
));
OrderCard.displayName = 'OrderCard';

export default OrderCard;
