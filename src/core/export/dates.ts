/** Formatters by time zone; building one costs far more than using it, and exports use thousands. */
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        timeZoneName: 'longOffset',
      });
    } catch {
      formatter = null;
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The instant as ISO 8601 in the writer's own time zone ("2024-05-01T21:30:00+02:00"), which
 * is what a person reading an export expects; UTC if the zone is unknown to this system.
 */
export function isoInZone(instant: number, timeZone: string): string {
  const utc = new Date(instant).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const formatter = formatterFor(timeZone);
  if (!formatter) return utc;
  const parts = new Map(formatter.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const zone = parts.get('timeZoneName') ?? '';
  const offset = zone === 'GMT' ? 'Z' : /^GMT([+-]\d{2}:\d{2})$/.exec(zone)?.[1];
  const year = parts.get('year') ?? '';
  // Offsets with seconds (local mean time before 1900) and unusual years have no tidy form.
  if (offset === undefined || !/^\d{4}$/.test(year)) return utc;
  return `${year}-${parts.get('month')}-${parts.get('day')}T${parts.get('hour')}:${parts.get('minute')}:${parts.get('second')}${offset}`;
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** The locale if this system knows it, else undefined (the system's own): a bad tag never fails an export. */
export function usableLocale(locale: string | undefined): string | undefined {
  if (locale === undefined) return undefined;
  try {
    return Intl.DateTimeFormat.supportedLocalesOf(locale).length > 0 ? locale : undefined;
  } catch {
    return undefined;
  }
}

/** "Wednesday, 1 May 2024" in the given locale, for a YYYY-MM-DD day. */
export function longDay(day: string, locale?: string): string {
  const instant = Date.parse(`${day}T12:00:00Z`);
  if (Number.isNaN(instant)) return day;
  const key = locale ?? '';
  let formatter = dayFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(usableLocale(locale), {
      dateStyle: 'full',
      timeZone: 'UTC',
    });
    dayFormatters.set(key, formatter);
  }
  return formatter.format(instant);
}
