import { useEffect, useId, useState } from 'react';
import type { OnThisDayItem } from '../../../shared/insights';
import { useJournalClient } from '../journal-context';
import { entryHeading, localIsoDate } from '../sidebar/format';

interface OnThisDayPanelProps {
  /** Changes when entries change, so the list follows. */
  refreshToken: number;
  onOpenEntry: (id: string) => void;
}

function ago(item: OnThisDayItem): string {
  if (item.kind === 'year') return item.ago === 1 ? 'A year ago' : `${item.ago} years ago`;
  return item.ago === 1 ? 'A month ago' : `${item.ago} months ago`;
}

/** Entries written on this day in earlier months and years; absent when there are none. */
export function OnThisDayPanel({ refreshToken, onOpenEntry }: OnThisDayPanelProps) {
  const client = useJournalClient();
  const id = useId();
  const [items, setItems] = useState<OnThisDayItem[]>([]);
  // Read once per mount, like today's prompt.
  const [today] = useState(localIsoDate);

  useEffect(() => {
    let live = true;
    client.getOnThisDay({ today, limit: 5 }).then(
      (found) => {
        if (live) setItems(found.items);
      },
      () => undefined, // A courtesy: the journal works without it.
    );
    return () => {
      live = false;
    };
  }, [client, today, refreshToken]);

  if (items.length === 0) return null;
  return (
    <section className="on-this-day" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="sidebar-heading">
        On this day
      </h2>
      <ul>
        {items.map((item) => (
          <li key={item.entry.id}>
            <button
              type="button"
              className="on-this-day-entry"
              onClick={() => onOpenEntry(item.entry.id)}
            >
              <span className="on-this-day-ago">{ago(item)}</span>
              <span className="on-this-day-title">{entryHeading(item.entry)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
