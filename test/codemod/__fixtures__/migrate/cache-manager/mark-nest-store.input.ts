import { CACHE_MANAGER, CacheModule, Inject, Injectable, Module } from '@nestjs/common';
import { Cache } from 'cache-manager';

@Injectable()
export class ReportCache {
  constructor(@Inject(CACHE_MANAGER) private readonly cacheManager: Cache) {}

  async clearReports(): Promise<void> {
    const keys: string[] = await this.cacheManager.store.keys();
    const values = await this.cacheManager.store.mget(...keys);
    await this.cacheManager.store.mset(keys.map((key, i) => [key, values[i]]));
    await this.cacheManager.store.reset();
  }
}

@Module({
  imports: [CacheModule.register()],
  providers: [ReportCache],
})
export class ReportModule {}
