import { useId } from 'react';
import licenses from './licenses.json';
import { useModalDialog } from './useModalDialog';

export interface AboutDialogProps {
  /** The app's version, e.g. "0.1.0". */
  version: string;
  /** The journal folder's path. */
  journalDir: string;
  onClose: () => void;
}

/**
 * What Lean On is and is not, where the journal lives, and the licences of what it is built
 * on (scripts/licenses.ts writes licenses.json from package.json).
 */
export function AboutDialog({ version, journalDir, onClose }: AboutDialogProps) {
  const { dialogRef, close } = useModalDialog();
  const id = useId();
  const { app, components } = licenses;

  return (
    <dialog
      ref={dialogRef}
      className="settings-dialog about-dialog"
      aria-labelledby={`${id}-title`}
      onClose={onClose}
    >
      <div className="settings-dialog-header">
        <h2 id={`${id}-title`}>About Lean On</h2>
        <button type="button" className="button-secondary button-small" onClick={close}>
          Close
        </button>
      </div>
      <p className="about-version">Version {version}</p>
      <p>
        A private journal for people who lean too hard on themselves. It is kept encrypted on this
        computer and never goes online.
      </p>
      <p className="about-care">
        Lean On is a private journal, not a crisis service. If you are in danger or thinking about
        ending your life, contact your local emergency number or a crisis line now.
      </p>

      <section className="settings-section">
        <h3>Where your journal is</h3>
        <p className="settings-path">
          <code>{journalDir}</code>
        </p>
      </section>

      <section className="settings-section">
        <h3>Licences</h3>
        <p>
          {app.name} is released under the {app.license} licence. It includes these open-source
          components, each under its own licence:
        </p>
        <div
          className="licence-list"
          role="region"
          aria-label="Open-source licences"
          // Focusable so the list can be scrolled from the keyboard.
          tabIndex={0}
        >
          <ul>
            {components.map((component) => (
              <li key={component.name}>
                <span>
                  <span className="licence-name">{component.name}</span>{' '}
                  <span className="licence-version">{component.version}</span>
                </span>
                <span className="licence-id">{component.license}</span>
                {component.url && <span className="licence-url">{component.url}</span>}
              </li>
            ))}
          </ul>
        </div>
      </section>
    </dialog>
  );
}
