import { revalidateTag } from 'next/cache';

export async function getCatalog(): Promise<unknown> {
  const response = await fetch('https://catalog.internal/products');
  return response.json();
}

export async function getPrices(): Promise<unknown> {
  const response = await fetch('https://catalog.internal/prices', { next: { revalidate: 60 } });
  return response.json();
}

export async function refreshCatalog(): Promise<void> {
  revalidateTag('catalog', { expire: 0 });
}
