import { Controller, Get, Inject, Injectable, Module, Param, UseInterceptors } from '@nestjs/common';
import { CACHE_MANAGER, CacheInterceptor, CacheModule, CacheTTL } from '@nestjs/cache-manager';
import { Cache } from 'cache-manager';
import { createKeyv } from 'cacheable';

async function fetchPrice(sku: string): Promise<number> {
  const response = await fetch(`https://prices.internal/${encodeURIComponent(sku)}`);
  return ((await response.json()) as { cents: number }).cents;
}

@Injectable()
export class CatalogService {
  constructor(@Inject(CACHE_MANAGER) private readonly cache: Cache) {}

  async price(sku: string): Promise<number> {
    const cached = await this.cache.get<number>(`price:${sku}`);
    if (cached != null) return cached;
    const price = await fetchPrice(sku);
    await this.cache.set(`price:${sku}`, price, 30 * 1000);
    return price;
  }
}

@Controller('catalog')
@UseInterceptors(CacheInterceptor)
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get(':sku/price')
  @CacheTTL(10 * 1000)
  price(@Param('sku') sku: string): Promise<number> {
    return this.catalog.price(sku);
  }
}

@Module({
  imports: [CacheModule.register({ ttl: 60 * 1000, stores: [createKeyv({ lruSize: 500 })] })],
  controllers: [CatalogController],
  providers: [CatalogService],
})
export class CatalogModule {}
