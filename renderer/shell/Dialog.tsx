// A centred modal panel over a dimmed screen. Keyboard handling stays with each dialog's own controls.
import type { KeyboardEvent, ReactNode } from 'react';

interface Props {
  labelledBy: string;
  className?: string;
  testId?: string;
  onKeyDown?: (e: KeyboardEvent<HTMLDivElement>) => void;
  children: ReactNode;
}

export function Dialog({ labelledBy, className, testId, onKeyDown, children }: Props) {
  return (
    <div className="overlay">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby={labelledBy}
        className={`dialog${className ? ` ${className}` : ''}`}
        data-testid={testId}
        onKeyDown={onKeyDown}
      >
        {children}
      </div>
    </div>
  );
}
