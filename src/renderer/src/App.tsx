import { useCallback, useEffect, useState } from 'react';
import { missingCase, type JournalError } from '../../shared/errors';
import type { JournalStatus } from '../../shared/types';
import { Notice } from './components/Notice';
import { useJournalClient } from './journal-context';
import { asJournalError } from './lib/journal-errors';
import { MainWindow } from './main-window/MainWindow';
import { ReadOnlyWindow } from './recovery/ReadOnlyWindow';
import { CreateScreen } from './screens/CreateScreen';
import { RecoverScreen } from './screens/RecoverScreen';
import { RecoveryCodeScreen } from './screens/RecoveryCodeScreen';
import { StartScreen } from './screens/StartScreen';
import { UnlockScreen } from './screens/UnlockScreen';

/**
 * Where the window is. Journal content lives only below MainWindow, and the recovery code
 * only in its own screen's state, so leaving a screen drops what it held.
 */
type Screen =
  | { kind: 'starting' }
  | { kind: 'unreachable'; error: JournalError }
  | { kind: 'create' }
  | { kind: 'recovery-code'; code: string }
  | { kind: 'unlock'; notice: string | null }
  | { kind: 'recover' }
  | { kind: 'open'; notice: string | null }
  | { kind: 'read-only'; notices: string[] };

function screenFor(status: JournalStatus): Screen {
  switch (status.state) {
    case 'no-journal':
      return { kind: 'create' };
    case 'locked':
      return { kind: 'unlock', notice: null };
    case 'unlocked':
      return status.readOnly ? { kind: 'read-only', notices: [] } : { kind: 'open', notice: null };
    default:
      return missingCase(status.state);
  }
}

const LOCKED_NOTICES = {
  here: 'Your journal is locked and encrypted.',
  elsewhere: 'Your journal was locked from another window. Unlock it to carry on.',
  idle: 'Your journal locked itself after a while without activity. Everything was saved.',
} as const;

const RECOVERED_NOTICE =
  'Your new passphrase is set. Your recovery code still works, so keep it where it is.';

export function App() {
  const client = useJournalClient();
  const [screen, setScreen] = useState<Screen>({ kind: 'starting' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    client.getStatus({}).then(
      (status) => current && setScreen(screenFor(status)),
      (reason: unknown) =>
        current && setScreen({ kind: 'unreachable', error: asJournalError(reason) }),
    );
    return () => {
      current = false;
    };
  }, [client, attempt]);

  const retry = useCallback(() => {
    setScreen({ kind: 'starting' });
    setAttempt((count) => count + 1);
  }, []);
  const open = useCallback(() => setScreen({ kind: 'open', notice: null }), []);
  const toUnlock = useCallback(() => setScreen({ kind: 'unlock', notice: null }), []);
  const onLocked = useCallback(
    (how: 'here' | 'elsewhere' | 'idle') =>
      setScreen({ kind: 'unlock', notice: LOCKED_NOTICES[how] }),
    [],
  );

  switch (screen.kind) {
    case 'starting':
      return <StartScreen error={null} />;
    case 'unreachable':
      return <StartScreen error={screen.error} onRetry={retry} />;
    case 'create':
      return (
        <CreateScreen
          onCreated={(code) => setScreen({ kind: 'recovery-code', code })}
          onJournalExists={toUnlock}
        />
      );
    case 'recovery-code':
      return <RecoveryCodeScreen code={screen.code} onDone={open} />;
    case 'unlock':
      return (
        <UnlockScreen
          notice={screen.notice}
          onUnlocked={(notices, readOnly) =>
            setScreen(
              readOnly
                ? { kind: 'read-only', notices }
                : { kind: 'open', notice: notices.length > 0 ? notices.join(' ') : null },
            )
          }
          onForgot={() => setScreen({ kind: 'recover' })}
        />
      );
    case 'recover':
      return (
        <RecoverScreen
          onRecovered={() => setScreen({ kind: 'open', notice: RECOVERED_NOTICE })}
          onBack={toUnlock}
        />
      );
    case 'open':
      return (
        <>
          <MainWindow client={client} onLocked={onLocked} />
          <Notice message={screen.notice} onDismiss={open} />
        </>
      );
    case 'read-only':
      return (
        <ReadOnlyWindow
          client={client}
          notices={screen.notices}
          onLocked={(notice) => setScreen({ kind: 'unlock', notice })}
        />
      );
    default:
      return missingCase(screen);
  }
}
