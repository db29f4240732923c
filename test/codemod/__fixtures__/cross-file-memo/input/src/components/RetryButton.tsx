import { memo } from 'react';

export const RetryButton = memo(function RetryButton({ onClick }: { onClick: () => void }) {
  return (
    <button type="button" onClick={onClick}>
      Retry payment
    </button>
  );
});
