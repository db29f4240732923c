import { revalidateTag as nextRevalidate } from 'next/cache';

// A project helper that happens to be called revalidateTag: not Next's.
function revalidateTag(tag: string): void {
  console.info('queued', tag);
}

export async function after(tag: string): Promise<void> {
  revalidateTag(tag);
  nextRevalidate(tag, { expire: 0 });
  nextRevalidate(`${tag}:list`, 'max');
}
