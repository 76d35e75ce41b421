import { useState } from 'react';
import type { JournalError } from '../../../shared/errors';
import { useJournalClient } from '../journal-context';
import { usePendingCall } from '../hooks/usePendingCall';

export interface TrashActions {
  busy: boolean;
  error: JournalError | null;
  /** The entry whose "Delete forever" is waiting for a second yes. */
  confirmingId: string | null;
  confirmingEmpty: boolean;
  restore: (id: string) => void;
  askDelete: (id: string) => void;
  deleteForever: (id: string) => void;
  askEmpty: () => void;
  emptyTrash: () => void;
  cancel: () => void;
}

/** Restore, delete forever and empty the trash; each irreversible step asks once more first. */
export function useTrashActions(onChanged: () => void, onCountsChanged: () => void): TrashActions {
  const client = useJournalClient();
  const [confirmingId, setConfirmingId] = useState<string | null>(null);
  const [confirmingEmpty, setConfirmingEmpty] = useState(false);
  const action = usePendingCall(async (call: () => Promise<unknown>) => {
    try {
      await call();
    } finally {
      setConfirmingId(null);
      setConfirmingEmpty(false);
      onChanged();
    }
  });
  const { run } = action;
  return {
    busy: action.busy,
    error: action.error,
    confirmingId,
    confirmingEmpty,
    // A restored entry counts towards its themes again.
    restore: (id) =>
      void run(async () => {
        await client.restoreEntry({ id });
        onCountsChanged();
      }),
    askDelete: (id) => {
      setConfirmingEmpty(false);
      setConfirmingId(id);
    },
    deleteForever: (id) => void run(() => client.deleteEntryForever({ id })),
    askEmpty: () => {
      setConfirmingId(null);
      setConfirmingEmpty(true);
    },
    emptyTrash: () => void run(() => client.emptyTrash({})),
    cancel: () => {
      setConfirmingId(null);
      setConfirmingEmpty(false);
    },
  };
}
