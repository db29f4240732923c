import { Module } from '@nestjs/common';
import { CacheModule } from '@nestjs/cache-manager';
import { createKeyv } from 'cacheable';

@Module({
  imports: [
    CacheModule.registerAsync({
      useFactory: () => ({
        // cache-codemod-todo(cache-manager): v4 TTLs are seconds, v5+ milliseconds: multiply this value by 1000 if it is in seconds
        ttl: Number(process.env.CACHE_TTL_SECONDS ?? 60),
        stores: [createKeyv({ lruSize: 1000 })],
      }),
    }),
  ],
})
export class AppModule {}
