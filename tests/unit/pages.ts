import { createDecipheriv } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * The plaintext of every page of a SQLCipher 4 file opened with a raw key: AES-256-CBC with the
 * key itself, each page ending in an 80-byte reserve (16-byte IV, 64-byte HMAC), page 1
 * starting with the 16-byte salt. Shows what someone holding the key could still read,
 * including free pages and deleted cells.
 */
export function decryptedPages(path: string, hexKey: string, pageSize = 4096): Buffer {
  const file = readFileSync(path);
  const key = Buffer.from(hexKey, 'hex');
  const plain: Buffer[] = [];
  for (let offset = 0; offset < file.length; offset += pageSize) {
    const page = file.subarray(offset, offset + pageSize);
    const iv = page.subarray(pageSize - 80, pageSize - 64);
    const decipher = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
    const start = offset === 0 ? 16 : 0;
    plain.push(decipher.update(page.subarray(start, pageSize - 80)), decipher.final());
  }
  return Buffer.concat(plain);
}
