import { CACHE_MANAGER, CacheInterceptor, CacheModule, CacheTTL, Controller, Get, Inject, Injectable, Module, Param, UseInterceptors } from '@nestjs/common';
import { Cache } from 'cache-manager';

async function fetchPrice(sku: string): Promise<number> {
  const response = await fetch(`https://prices.internal/${encodeURIComponent(sku)}`);
  return ((await response.json()) as { cents: number }).cents;
}

@Injectable()
export class CatalogService {
  constructor(@Inject(CACHE_MANAGER) private readonly cache: Cache) {}

  async price(sku: string): Promise<number> {
    const cached = await this.cache.get<number>(`price:${sku}`);
    if (cached !== null) return cached;
    const price = await fetchPrice(sku);
    await this.cache.set(`price:${sku}`, price, { ttl: 30 });
    return price;
  }
}

@Controller('catalog')
@UseInterceptors(CacheInterceptor)
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get(':sku/price')
  @CacheTTL(10)
  price(@Param('sku') sku: string): Promise<number> {
    return this.catalog.price(sku);
  }
}

@Module({
  imports: [CacheModule.register({ ttl: 60, max: 500 })],
  controllers: [CatalogController],
  providers: [CatalogService],
})
export class CatalogModule {}
