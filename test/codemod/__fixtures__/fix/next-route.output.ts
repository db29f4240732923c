import { NextResponse } from 'next/server';

export async function GET() {
  return NextResponse.json(await list(), { headers: { 'Cache-Control': 'public, s-maxage=60' } });
}

export async function POST(request: Request) {
  const item = await request.json();
  const saved = await save(item);
  return NextResponse.json(saved, { status: 201, headers: { 'Cache-Control': 'no-store' } });
}

declare function save(item: unknown): Promise<unknown>;
declare function list(): Promise<unknown[]>;
