import type { JournalBridge } from '../../shared/contract';

declare global {
  interface Window {
    journal?: JournalBridge;
  }
}

export { clientFromBridge as createClient } from '../../shared/client';
