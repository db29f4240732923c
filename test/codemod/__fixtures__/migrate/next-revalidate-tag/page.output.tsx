import { revalidateTag } from 'next/cache';

async function getStock(sku: string): Promise<number> {
  const response = await fetch(`https://inventory.internal/stock/${sku}`, { next: { tags: [`stock:${sku}`] } });
  return ((await response.json()) as { count: number }).count;
}

export default async function StockPage({ params }: { params: Promise<{ sku: string }> }) {
  const { sku } = await params;
  const count = await getStock(sku);
  async function refresh() {
    'use server';
    revalidateTag(`stock:${sku}`, { expire: 0 });
  }
  return (
    <form action={refresh}>
      <p>{count} in stock</p>
      <button type="submit">Refresh</button>
    </form>
  );
}
