import React from 'react';
import type { Order } from './types';

export const StatusBadge = React.memo(function StatusBadge({ status, label }: { status: Order['status']; label?: string }) {
  return <span className={`badge badge-${status}`}>{label ?? status}</span>;
});
