/** Slugs stay short enough that the whole path fits Windows' 260-character limit in most folders. */
const MAX_SLUG_CHARS = 60;
/** File systems count bytes (255 per name); non-Latin letters take up to 4 each in UTF-8. */
const MAX_SLUG_BYTES = 120;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Letters, marks and digits of any script, joined by hyphens, lower case. Everything else goes,
 * which removes every character Windows, macOS or Linux forbid in a name (/ \ : * ? " < > |,
 * control characters), dots (so no "..", no hidden files), spaces and emoji.
 */
export function slugify(text: string): string {
  const words = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^[-\p{M}]+|-+$/gu, '');
  let slug = '';
  let bytes = 0;
  let chars = 0;
  for (const char of words) {
    const size = Buffer.byteLength(char, 'utf8');
    if (chars + 1 > MAX_SLUG_CHARS || bytes + size > MAX_SLUG_BYTES) break;
    slug += char;
    bytes += size;
    chars += 1;
  }
  return slug.replace(/-+$/, '');
}

/**
 * Gives each entry a stable, readable, unique file name: "2024-05-01-a-hard-day.md", then
 * "2024-05-01-a-hard-day-2.md" for the next entry with the same day and title. Names are
 * compared case-folded, since two names differing only by case collide on Windows and macOS.
 */
export class FileNamer {
  private readonly taken = new Set<string>();
  private readonly extension: string;

  constructor(extension: string) {
    this.extension = extension;
  }

  /** `title`, or else the opening words of `text`, names the file. */
  next(day: string, title: string, text = ''): string {
    const date = DAY.test(day) ? day : slugify(day) || 'undated';
    const slug = slugify(title) || slugify(text.slice(0, 200)) || 'entry';
    const base = `${date}-${slug}`;
    let name = `${base}${this.extension}`;
    for (let suffix = 2; this.taken.has(name.normalize('NFC').toLowerCase()); suffix += 1) {
      name = `${base}-${suffix}${this.extension}`;
    }
    this.taken.add(name.normalize('NFC').toLowerCase());
    return name.normalize('NFC');
  }
}
