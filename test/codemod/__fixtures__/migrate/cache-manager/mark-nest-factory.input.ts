import { CacheModule, Module } from '@nestjs/common';

@Module({
  imports: [
    CacheModule.registerAsync({
      useFactory: () => ({
        ttl: Number(process.env.CACHE_TTL_SECONDS ?? 60),
        max: 1000,
      }),
    }),
  ],
})
export class AppModule {}
