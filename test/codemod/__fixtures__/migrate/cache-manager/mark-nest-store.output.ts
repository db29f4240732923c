import { Inject, Injectable, Module } from '@nestjs/common';
import { CACHE_MANAGER, CacheModule } from '@nestjs/cache-manager';
import { Cache } from 'cache-manager';

@Injectable()
export class ReportCache {
  constructor(@Inject(CACHE_MANAGER) private readonly cacheManager: Cache) {}

  async clearReports(): Promise<void> {
    // cache-codemod-todo(cache-manager): `store` is gone since v6: the Keyv stores are `stores`; keys()/mget/mset/reset on a store are not part of the v6 API
    const keys: string[] = await this.cacheManager.store.keys();
    // cache-codemod-todo(cache-manager): `store` is gone since v6: the Keyv stores are `stores`; keys()/mget/mset/reset on a store are not part of the v6 API
    const values = await this.cacheManager.store.mget(...keys);
    // cache-codemod-todo(cache-manager): `store` is gone since v6: the Keyv stores are `stores`; keys()/mget/mset/reset on a store are not part of the v6 API
    await this.cacheManager.store.mset(keys.map((key, i) => [key, values[i]]));
    // cache-codemod-todo(cache-manager): `store` is gone since v6: the Keyv stores are `stores`; keys()/mget/mset/reset on a store are not part of the v6 API
    await this.cacheManager.store.reset();
  }
}

@Module({
  // cache-codemod-todo(cache-manager): no max: the v4/v5 memory store was a bounded LRU, the default store of @nestjs/cache-manager 3 (cache-manager 6+) is not; add stores: [createKeyv({ lruSize: n })] from 'cacheable'
  imports: [CacheModule.register()],
  providers: [ReportCache],
})
export class ReportModule {}
