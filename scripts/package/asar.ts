import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Reads an app.asar's table of contents (and single files) without extracting it. The format:
 * an 8-byte pickle holding the header's size, then the header (a pickle holding a JSON string),
 * then the files' bytes, each at `offset` from the end of the header.
 */
export interface AsarFile {
  size: number;
  unpacked: boolean;
  hasIntegrity: boolean;
}

interface HeaderNode {
  files?: Record<string, HeaderNode>;
  size?: number;
  offset?: string;
  unpacked?: boolean;
  integrity?: { hash?: string };
  link?: string;
}

export class AsarArchive {
  readonly files = new Map<string, AsarFile>();
  readonly #path: string;
  readonly #dataStart: number;
  readonly #nodes = new Map<string, HeaderNode>();

  constructor(path: string) {
    this.#path = path;
    const fd = openSync(path, 'r');
    try {
      const size = Buffer.alloc(8);
      readSync(fd, size, 0, 8, 0);
      const headerSize = size.readUInt32LE(4);
      const header = Buffer.alloc(headerSize);
      readSync(fd, header, 0, headerSize, 8);
      const json = header.toString('utf8', 8, 8 + header.readUInt32LE(4));
      this.#dataStart = 8 + headerSize;
      this.#walk(JSON.parse(json) as HeaderNode, '');
    } finally {
      closeSync(fd);
    }
  }

  #walk(node: HeaderNode, prefix: string): void {
    for (const [name, child] of Object.entries(node.files ?? {})) {
      const path = prefix ? `${prefix}/${name}` : name;
      if (child.files) {
        this.#walk(child, path);
      } else if (child.link === undefined) {
        this.#nodes.set(path, child);
        this.files.set(path, {
          size: child.size ?? 0,
          unpacked: child.unpacked === true,
          hasIntegrity: typeof child.integrity?.hash === 'string',
        });
      }
    }
  }

  /** The bytes of a file, from the archive or, if unpacked, from the folder beside it. */
  read(path: string): Buffer {
    const node = this.#nodes.get(path);
    if (node?.unpacked) return readFileSync(join(`${this.#path}.unpacked`, path));
    if (!node || node.offset === undefined) throw new Error(`${path} is not in ${this.#path}`);
    const data = Buffer.alloc(node.size ?? 0);
    const fd = openSync(this.#path, 'r');
    try {
      readSync(fd, data, 0, data.length, this.#dataStart + Number(node.offset));
    } finally {
      closeSync(fd);
    }
    return data;
  }
}
