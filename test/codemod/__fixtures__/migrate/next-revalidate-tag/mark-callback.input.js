'use server';

import { revalidateTag } from 'next/cache';

export async function refreshAll(tags) {
  tags.forEach(revalidateTag);
}
