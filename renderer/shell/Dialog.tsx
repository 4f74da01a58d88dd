// A centred modal panel over a dimmed screen. Keyboard handling stays with each dialog's own controls.
import type { KeyboardEvent, ReactNode, RefObject } from 'react';

interface Props {
  labelledBy: string;
  className?: string;
  testId?: string;
  onKeyDown?: (e: KeyboardEvent<HTMLDivElement>) => void;
  /** Lets a dialog hold the keyboard itself while none of its fields or buttons should (e.g. while waiting). */
  dialogRef?: RefObject<HTMLDivElement | null>;
  /** Its content is still being fetched from main: said to assistive tech (and to tests that measure it loaded). */
  busy?: boolean;
  children: ReactNode;
}

export function Dialog({ labelledBy, className, testId, onKeyDown, dialogRef, busy = false, children }: Props) {
  return (
    <div className="overlay">
      <div
        ref={dialogRef}
        role="dialog"
        tabIndex={-1}
        aria-modal="true"
        aria-labelledby={labelledBy}
        aria-busy={busy || undefined}
        className={`dialog${className ? ` ${className}` : ''}`}
        data-testid={testId}
        onKeyDown={onKeyDown}
      >
        {children}
      </div>
    </div>
  );
}
