export interface Order {
  id: string;
  number: string;
  customer: string;
  status: 'open' | 'paid' | 'shipped' | 'cancelled';
  total: number;
  currency: string;
}
