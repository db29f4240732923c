import { revalidateTag as invalidate } from 'next/cache';

export async function POST(request) {
  const { tag } = await request.json();
  invalidate(tag);
  return Response.json({ revalidated: true, now: Date.now() });
}
