'use server';

import { revalidateTag } from 'next/cache';

export async function addToCart(sku: string): Promise<void> {
  await fetch('https://shop.internal/cart', { method: 'POST', body: sku, cache: 'no-store' });
  revalidateTag("cart", 'max');
}
