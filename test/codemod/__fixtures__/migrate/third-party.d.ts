// Packages the fixtures import beside the migrated one, declared loosely: the check is about the
// migrated package's API, and a real project resolves these itself.
declare module 'cache-manager-redis-store';
