import { createCache } from 'cache-manager';
import { createKeyv } from 'cacheable';

const pages = createCache({
  stores: [createKeyv({ lruSize: 50 })],
  ttl: 30_000,
});

async function render(slug: string): Promise<string> {
  const response = await fetch(`https://cms.internal/pages/${slug}`);
  return response.text();
}

export default async function Page({ params }: { params: { slug: string } }) {
  const cache = await pages;
  let html = await cache.get<string>(params.slug);
  if (html === undefined) {
    html = await render(params.slug);
    await cache.set(params.slug, html, 30_000);
  }
  return <main dangerouslySetInnerHTML={{ __html: html }} />;
}
