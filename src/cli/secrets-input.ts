import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { UsageError } from './usage';

/** A secret from a file: its first line, without the line ending. */
export function readSecretFile(path: string, what: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`Could not read the ${what} file ${path}.`);
  }
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  if (firstLine.length === 0) throw new UsageError(`The ${what} file ${path} is empty.`);
  return firstLine;
}

/** Asks on the terminal without echoing what is typed. */
export async function askHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) {
    throw new UsageError(
      'No terminal to ask for a passphrase on; pass --passphrase-file FILE (see lean-on --help).',
    );
  }
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (!muted) process.stderr.write(chunk);
      callback();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  try {
    const answer = new Promise<string>((resolve) => rl.question(question, resolve));
    muted = true;
    const value = await answer;
    process.stderr.write('\n');
    return value;
  } finally {
    rl.close();
  }
}

/** A new secret, typed twice on a terminal, or read from a file. */
export async function newSecret(file: string | undefined, what: string): Promise<string> {
  if (file) return readSecretFile(file, what);
  const first = await askHidden(`New ${what}: `);
  const second = await askHidden(`Type the new ${what} again: `);
  if (first !== second) throw new UsageError(`The two ${what}s were not the same.`);
  return first;
}

export async function existingSecret(file: string | undefined, what: string): Promise<string> {
  if (file) return readSecretFile(file, what);
  return askHidden(`${what[0]!.toUpperCase()}${what.slice(1)}: `);
}
