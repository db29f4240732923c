'use client';

import { useEffect, useState } from 'react';

export interface OrderFilters {
  status?: string;
  query: string;
}

// Plain, but `onChange` is an effect dependency: its identity matters here.
export default function Filters({ value, onChange }: { value: OrderFilters; onChange: (filters: OrderFilters) => void }) {
  const [draft, setDraft] = useState(value.query);
  useEffect(() => {
    const timer = setTimeout(() => onChange({ ...value, query: draft }), 300);
    return () => clearTimeout(timer);
  }, [draft, value, onChange]);
  return <input value={draft} onChange={(event) => setDraft(event.target.value)} />;
}
