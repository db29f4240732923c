'use server';

import { revalidateTag } from 'next/cache';

export async function refreshAll(tags) {
  // cache-codemod-todo(next-revalidate-tag): revalidateTag passed as a value: Next 16 reads its second argument as the cache profile, so call it yourself, e.g. (tag) => revalidateTag(tag, { expire: 0 })
  tags.forEach(revalidateTag);
}
