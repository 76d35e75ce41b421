import { useId, useRef, useState, type ChangeEvent } from 'react';
import type { JournalError } from '../../../shared/errors';
import type { AutoLockMinutes, JournalSettings } from '../../../shared/settings';
import { ErrorAlert } from '../components/ErrorAlert';
import { useJournalClient } from '../journal-context';
import { asJournalError } from '../lib/journal-errors';
import { AUTO_LOCK_OPTIONS, describeAutoLock, parseAutoLock } from './auto-lock';

interface AutoLockSectionProps {
  settings: JournalSettings;
  onSettingsChanged: (settings: JournalSettings) => void;
}

/**
 * How long the journal may sit unused before it locks itself. Saved as soon as it changes;
 * choices made while a save is on its way are sent after it, so the last one always wins.
 */
export function AutoLockSection({ settings, onSettingsChanged }: AutoLockSectionProps) {
  const client = useJournalClient();
  const id = useId();
  // The choice on its way to the core; null once saved (or refused), when the caller's
  // settings show again.
  const [choice, setChoice] = useState<AutoLockMinutes | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<JournalError | null>(null);
  const wanted = useRef<AutoLockMinutes>(settings.autoLockMinutes);
  const saving = useRef(false);

  const save = async () => {
    if (saving.current) return;
    saving.current = true;
    try {
      let sent: AutoLockMinutes;
      let saved: JournalSettings;
      do {
        sent = wanted.current;
        saved = await client.updateSettings({ autoLockMinutes: sent });
        onSettingsChanged(saved);
      } while (sent !== wanted.current);
      setStatus(describeAutoLock(saved.autoLockMinutes));
    } catch (reason) {
      setError(asJournalError(reason));
    } finally {
      saving.current = false;
      setChoice(null);
    }
  };

  const choose = (event: ChangeEvent<HTMLSelectElement>) => {
    const minutes = parseAutoLock(event.target.value);
    if (minutes === null) return;
    setChoice(minutes);
    setStatus('');
    setError(null);
    wanted.current = minutes;
    void save();
  };

  return (
    <section className="settings-section">
      <h3>Lock automatically</h3>
      <div className="settings-field">
        <label htmlFor={`${id}-select`}>Lock after</label>
        <select
          id={`${id}-select`}
          value={String(choice ?? settings.autoLockMinutes)}
          onChange={choose}
          aria-describedby={`${id}-hint`}
        >
          {AUTO_LOCK_OPTIONS.map(({ minutes, label }) => (
            <option key={minutes} value={String(minutes)}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <p id={`${id}-hint`} className="settings-hint">
        Time without typing, clicking or scrolling in Lean On. It also locks whenever the computer
        sleeps or its screen locks, and when you close Lean On.
      </p>
      <p className="settings-status" role="status">
        {status}
      </p>
      <ErrorAlert error={error} />
    </section>
  );
}
