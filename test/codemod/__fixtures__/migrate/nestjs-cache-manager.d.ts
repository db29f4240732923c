// A stand-in for the types of @nestjs/cache-manager 3 (NestJS 11 with cache-manager 7), which the
// cache-manager migration's NestJS outputs are checked against. Installing the package itself
// would install cache-manager under its own name (a peer dependency), which the rules' tests must
// not see. The options type is cache-manager's own CreateCacheOptions, with NestJS's stores.
declare module '@nestjs/cache-manager' {
  import type { CallHandler, CustomDecorator, DynamicModule, ExecutionContext, NestInterceptor } from '@nestjs/common';
  import type { CreateCacheOptions } from 'cache-manager';
  import type { Keyv, KeyvStoreAdapter } from 'keyv';
  import type { Observable } from 'rxjs';

  export const CACHE_MANAGER = 'CACHE_MANAGER';
  export interface CacheManagerOptions extends Omit<CreateCacheOptions, 'stores'> {
    stores?: Keyv | KeyvStoreAdapter | (Keyv | KeyvStoreAdapter)[];
    namespace?: string;
  }
  export type CacheModuleOptions = CacheManagerOptions & { isGlobal?: boolean };
  export interface CacheModuleAsyncOptions {
    imports?: unknown[];
    inject?: unknown[];
    useFactory?: (...args: any[]) => Promise<CacheManagerOptions> | CacheManagerOptions;
    isGlobal?: boolean;
  }
  export class CacheModule {
    static register(options?: CacheModuleOptions): DynamicModule;
    static registerAsync(options: CacheModuleAsyncOptions): DynamicModule;
  }
  export class CacheInterceptor implements NestInterceptor {
    intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>>;
  }
  export const CacheKey: (key: string) => CustomDecorator<string>;
  export const CacheTTL: (ttl: number | ((context: ExecutionContext) => Promise<number> | number)) => CustomDecorator<string>;
}
