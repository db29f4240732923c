import NodeCache from 'node-cache';

const avatars = new NodeCache({ stdTTL: 600, maxKeys: 2000 });

export function Avatar({ userId }: { userId: string }) {
  const url = avatars.get<string>(userId) ?? `/avatars/${userId}.png`;
  avatars.set(userId, url);
  return <img src={url} alt="" />;
}
