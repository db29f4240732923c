'use server';

import { revalidateTag } from 'next/cache';

export async function publishPost(id: string, body: string): Promise<void> {
  await fetch(`https://cms.internal/posts/${id}`, { method: 'PUT', body, cache: 'no-store' });
  revalidateTag('posts', { expire: 0 });
  revalidateTag(`post:${id}`, { expire: 0 });
}
