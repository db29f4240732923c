import type { HTMLAttributes } from 'react';

interface ChartProps extends HTMLAttributes<HTMLDivElement> {
  series: number[];
  options: { stacked: boolean; currency: string };
}

// Rest props go on to the DOM and beyond: what happens to each prop is not followed.
export const Chart = ({ series, options, ...rest }: ChartProps) => (
  <div {...rest}>
    {series.map((point, i) => (
      <span key={i}>{options.stacked ? point : point.toFixed(0)}</span>
    ))}
  </div>
);
