'use client';

import { useMemo } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';

interface Cart {
  items: { id: string; price: number; quantity: number }[];
  discount: number;
}

export function CartSummary({ currency }: { currency: string }) {
  const { data: cart } = useQuery({ queryKey: ['cart'], queryFn: fetchCart });
  const itemCount = cart?.items.length ?? 0;
  // A memo around a number: it costs more than the addition it saves.
  const label = useMemo(() => itemCount + ' items', [itemCount]);
  const total = useMemo(() => (cart ? cart.items.reduce((sum, item) => sum + item.price * item.quantity, 0) - cart.discount : 0), [cart]);

  // Removes an item on the server, but the cached ['cart'] query keeps showing it.
  const removeItem = useMutation({
    mutationFn: (id: string) => fetch(`/api/cart/items/${id}`, { method: 'DELETE' }),
  });

  return (
    <section>
      <h2>{label}</h2>
      <p>
        {total.toFixed(2)} {currency}
      </p>
      {cart?.items.map((item) => (
        <button key={item.id} onClick={() => removeItem.mutate(item.id)}>
          Remove
        </button>
      ))}
    </section>
  );
}

declare function fetchCart(): Promise<Cart>;
