import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { JournalError } from '../../shared/errors';
import { App } from './App';
import { findBridge } from './bridge';
import { JournalClientContext } from './journal-context';
import { createClient } from './journal-client';
import { StartScreen } from './screens/StartScreen';
import './styles.css';

const bridge = findBridge();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      {bridge ? (
        <JournalClientContext value={createClient(bridge)}>
          <App />
        </JournalClientContext>
      ) : (
        <StartScreen
          error={new JournalError('INTERNAL', 'Lean On could not find its journal connection.')}
          onRetry={() => window.location.reload()}
        />
      )}
    </StrictMode>,
  );
}
