import { forwardRef, memo as memoize } from 'react';

interface SearchInputProps {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
}

export const SearchInput = memoize(
  forwardRef<HTMLInputElement, SearchInputProps>(function SearchInput({ value, onChange, placeholder }, ref) {
    return <input ref={ref} type="search" value={value} placeholder={placeholder} onChange={(event) => onChange(event.target.value)} />;
  }),
);
