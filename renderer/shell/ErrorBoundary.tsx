// Last line of defence: a rendering bug must not leave a blank till. The sale lives in main, so reloading
// the view loses nothing.
import { Component, type ReactNode } from 'react';
import { i18n } from '../i18n';

interface State {
  failed: boolean;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error('view crashed', error);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="crash" role="alert">
        <p className="crash__text">{i18n.t('crash.message')}</p>
        <button type="button" className="btn btn--primary" onClick={() => window.location.reload()}>
          {i18n.t('crash.reload')}
        </button>
      </div>
    );
  }
}
