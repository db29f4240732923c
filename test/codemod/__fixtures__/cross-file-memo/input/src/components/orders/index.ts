export { OrderRow } from './OrderRow';
export { default as OrderCard } from './OrderCard';
export { default as PriceTag } from './PriceTag';
export * from './StatusBadge';
export * from './SearchInput';
export type { Order } from './types';
