import type { BucketSpan, InsightsBucket } from '../../../shared/insights';

const monthFormat = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const dayFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});
const longDayFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeZone: 'UTC',
});

function utc(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** "Mar 2025" for a month, "3 Mar" (the Monday) for a week. */
export function bucketLabel(span: BucketSpan, bucket: InsightsBucket): string {
  return bucket === 'month'
    ? monthFormat.format(utc(span.start))
    : dayFormat.format(utc(span.start));
}

/** "Week of 3 Mar 2025" or "March 2025": for tables and tooltips. */
export function bucketLongLabel(span: BucketSpan, bucket: InsightsBucket): string {
  return bucket === 'month'
    ? monthFormat.format(utc(span.start))
    : `Week of ${longDayFormat.format(utc(span.start))}`;
}

export function dayLabel(day: string): string {
  return longDayFormat.format(utc(day));
}
