/** Today's date where the writer is, as YYYY-MM-DD (the core's entryDate format). */
export function todayLocal(now = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

const FULL_DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeZone: 'UTC' });

/** "Tuesday 4 March 2025" for an entry date, read as a calendar day (no time zone shift). */
export function formatEntryDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  if (!year || !month || !day) return isoDate;
  return FULL_DATE.format(new Date(Date.UTC(year, month - 1, day)));
}
