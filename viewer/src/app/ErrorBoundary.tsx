import { Component, type ReactNode } from 'react';
import { translate } from '../i18n/index';
import { ui } from '../store/ui';

interface Props {
  children: ReactNode;
  /** Shown in the message: which part failed. */
  area?: string;
}

/** Catches render errors so a broken part shows a message instead of a blank page. */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error) {
    console.error(error);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const lang = ui.getState().lang;
    return (
      <div className="error-box" role="alert" data-testid="error-boundary">
        <strong>{translate(lang, 'error.title')}</strong>
        {this.props.area && <span> ({this.props.area})</span>}
        <pre>{error.message}</pre>
        <button type="button" onClick={() => this.setState({ error: null })}>
          {translate(lang, 'error.retry')}
        </button>
      </div>
    );
  }
}
