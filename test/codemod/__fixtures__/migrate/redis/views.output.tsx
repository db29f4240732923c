import { createClient } from 'redis';

const client = await createClient({ url: process.env.REDIS_URL }).connect();

export default async function Views({ slug }: { slug: string }) {
  const views = await client.incr(`views:${slug}`);
  await client.set(`last-view:${slug}`, new Date().toISOString(), { EX: 86_400 });
  return <p>{views} views</p>;
}
