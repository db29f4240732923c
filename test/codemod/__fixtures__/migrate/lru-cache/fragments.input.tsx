import LRUCache from 'lru-cache';
import type { ReactElement } from 'react';

class FragmentCache {
  private readonly entries = new LRUCache<string, ReactElement>({ max: 200, maxAge: 60_000 });

  render(id: string, build: () => ReactElement): ReactElement {
    const hit = this.entries.get(id);
    if (hit) return hit;
    const element = build();
    this.entries.set(id, element);
    return element;
  }

  evict(id: string): void {
    this.entries.del(id);
  }

  get count(): number {
    return this.entries.length;
  }
}

const fragments = new FragmentCache();

export function Card({ id, title }: { id: string; title: string }) {
  return fragments.render(id, () => (
    <article>
      <h2>{title}</h2>
    </article>
  ));
}
