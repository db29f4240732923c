import { NextResponse } from 'next/server';
import { cookies } from 'next/headers';

export async function GET() {
  const cartId = (await cookies()).get('cart')?.value;
  const cart = await loadCart(cartId);
  return NextResponse.json(cart, {
    headers: { 'Cache-Control': 'public, max-age=60', Vary: 'Cookie' },
  });
}

export async function PUT(request: Request) {
  const cart = await saveCart(await request.json());
  return NextResponse.json(cart);
}

declare function loadCart(id: string | undefined): Promise<unknown>;
declare function saveCart(cart: unknown): Promise<unknown>;
