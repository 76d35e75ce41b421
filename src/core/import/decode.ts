import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { JournalError } from '../../shared/errors';
import { formatSize } from './limits';

export function invalid(message: string, cause?: unknown): JournalError {
  return new JournalError('INVALID_INPUT', message, cause === undefined ? undefined : { cause });
}

/** Opens a file for reading, turning the system's errors into sentences that name it. */
export function openForReading(path: string, name: string): number {
  try {
    return openSync(path, 'r');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT') {
      throw new JournalError('NOT_FOUND', `There is no file called “${name}” any more.`, {
        cause: error,
      });
    }
    throw new JournalError('IO_ERROR', `“${name}” could not be opened (${String(code)}).`, {
      cause: error,
    });
  }
}

/** Reads exactly `length` bytes at `position`; a shorter file is a damaged one. */
export function readAt(fd: number, position: number, length: number, name: string): Buffer {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const read = readSync(fd, buffer, done, length - done, position + done);
    if (read === 0) throw invalid(`“${name}” ends early; the file may be damaged or incomplete.`);
    done += read;
  }
  return buffer;
}

/** A whole file, refused before reading when it is larger than `maxBytes`. */
export function readWholeFile(path: string, name: string, maxBytes: number): Buffer {
  const fd = openForReading(path, name);
  try {
    const { size } = fstatSync(fd);
    if (size > maxBytes) {
      throw invalid(
        `“${name}” is ${formatSize(size)}; Lean On reads files of up to ${formatSize(maxBytes)}.`,
      );
    }
    return readAt(fd, 0, size, name);
  } finally {
    closeSync(fd);
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Text from bytes that must be UTF-8 (every format read here is). Anything else is refused with
 * the fix, rather than imported as mojibake.
 */
export function decodeUtf8(bytes: Uint8Array, name: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw invalid(`“${name}” is UTF-16 text; save it as UTF-8 and import it again.`);
  }
  try {
    // The decoder drops a leading byte-order mark.
    return strictUtf8.decode(bytes);
  } catch (error) {
    throw invalid(
      `“${name}” is not UTF-8 text (it may be in an older encoding such as Windows-1252); save it as UTF-8 and import it again.`,
      error,
    );
  }
}

/** Parses JSON, naming the file and where it went wrong. */
export function parseJson(text: string, name: string): unknown {
  if (text.trim().length === 0) throw invalid(`“${name}” is empty.`);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof SyntaxError ? `: ${error.message}` : '';
    throw invalid(`“${name}” is not valid JSON${detail}.`, error);
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
