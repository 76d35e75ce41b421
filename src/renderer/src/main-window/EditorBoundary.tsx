import { Component, type ReactNode } from 'react';

interface EditorBoundaryProps {
  children: ReactNode;
  onClose: () => void;
}

interface EditorBoundaryState {
  error: Error | null;
}

/**
 * If showing one entry fails in a way nothing else caught, only the editor pane says so; the
 * sidebar, the other entries and the lock button keep working. (React needs a class here.)
 */
export class EditorBoundary extends Component<EditorBoundaryProps, EditorBoundaryState> {
  override state: EditorBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): EditorBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div role="alert" className="alert editor-failed">
        <p>This entry couldn’t be shown. Nothing in it was changed.</p>
        <details>
          <summary>Details</summary>
          <p>{error.message}</p>
        </details>
        <div className="form-actions">
          <button type="button" className="button-secondary" onClick={this.props.onClose}>
            Close the entry
          </button>
        </div>
      </div>
    );
  }
}
