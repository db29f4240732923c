import { createClient } from 'redis';

const client = await createClient({ url: process.env.REDIS_URL }).connect();

export default async function Views({ slug }: { slug: string }) {
  const views = await client.incr(`views:${slug}`);
  await client.setEx(`last-view:${slug}`, 86_400, new Date().toISOString());
  return <p>{views} views</p>;
}
