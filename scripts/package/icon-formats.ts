import { crc32, deflateSync, inflateSync } from 'node:zlib';

/**
 * The three icon containers the packages need, written with nothing but node:zlib: PNG (Linux,
 * and inside the other two), ICO (Windows, NSIS) and ICNS (macOS). Readers for the checks in
 * tests/unit/packaging.test.ts sit next to the writers.
 */

/** An RGBA image, 8 bits per channel, straight (not premultiplied) alpha, rows top to bottom. */
export interface Rgba {
  size: number;
  pixels: Uint8Array;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export function encodePng({ size, pixels }: Rgba): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    raw.set(pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export interface PngInfo {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  /** Decoded image bytes (filters not undone), to prove the data inflates to the right size. */
  rawLength: number;
}

/** Reads a PNG's header, checking the signature, every chunk's CRC and that IDAT inflates. */
export function readPng(file: Buffer): PngInfo {
  if (!file.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG (signature)');
  let offset = 8;
  let info: Omit<PngInfo, 'rawLength'> | undefined;
  const idat: Buffer[] = [];
  let ended = false;
  while (offset < file.length) {
    const length = file.readUInt32BE(offset);
    const type = file.toString('latin1', offset + 4, offset + 8);
    const data = file.subarray(offset + 8, offset + 8 + length);
    const crc = file.readUInt32BE(offset + 8 + length);
    if (crc32(file.subarray(offset + 4, offset + 8 + length)) !== crc)
      throw new Error(`PNG chunk ${type}: bad CRC`);
    if (type === 'IHDR')
      info = {
        width: data.readUInt32BE(0),
        height: data.readUInt32BE(4),
        bitDepth: data[8]!,
        colorType: data[9]!,
      };
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
    if (type === 'IEND') {
      ended = true;
      break;
    }
  }
  if (!info || !ended || idat.length === 0) throw new Error('PNG without IHDR, IDAT or IEND');
  return { ...info, rawLength: inflateSync(Buffer.concat(idat)).length };
}

/**
 * An uncompressed 32-bit DIB entry, as every ICO reader understands: BITMAPINFOHEADER with the
 * height doubled (image plus mask), BGRA rows bottom to top, then an all-zero AND mask.
 */
function dib({ size, pixels }: Rgba): Buffer {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8);
  header.writeUInt16LE(1, 12); // planes
  header.writeUInt16LE(32, 14); // bits per pixel
  const image = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4;
      const to = ((size - 1 - y) * size + x) * 4;
      image[to] = pixels[from + 2]!;
      image[to + 1] = pixels[from + 1]!;
      image[to + 2] = pixels[from]!;
      image[to + 3] = pixels[from + 3]!;
    }
  }
  const maskStride = Math.ceil(size / 32) * 4;
  return Buffer.concat([header, image, Buffer.alloc(maskStride * size)]);
}

/** ICO with DIB entries below 256 px and a PNG entry at 256 px (Windows Vista and later). */
export function encodeIco(images: readonly Rgba[]): Buffer {
  const entries = images.map((image) => (image.size >= 256 ? encodePng(image) : dib(image)));
  const directory = Buffer.alloc(6 + 16 * images.length);
  directory.writeUInt16LE(1, 2); // type: icon
  directory.writeUInt16LE(images.length, 4);
  let offset = directory.length;
  images.forEach((image, index) => {
    const at = 6 + 16 * index;
    directory[at] = image.size >= 256 ? 0 : image.size;
    directory[at + 1] = image.size >= 256 ? 0 : image.size;
    directory.writeUInt16LE(1, at + 4); // planes
    directory.writeUInt16LE(32, at + 6); // bits per pixel
    directory.writeUInt32LE(entries[index]!.length, at + 8);
    directory.writeUInt32LE(offset, at + 12);
    offset += entries[index]!.length;
  });
  return Buffer.concat([directory, ...entries]);
}

export interface IcoEntry {
  size: number;
  format: 'png' | 'dib';
  bytes: Buffer;
}

export function readIco(file: Buffer): IcoEntry[] {
  if (file.readUInt16LE(0) !== 0 || file.readUInt16LE(2) !== 1) throw new Error('not an ICO');
  const count = file.readUInt16LE(4);
  return Array.from({ length: count }, (_, index) => {
    const at = 6 + 16 * index;
    const length = file.readUInt32LE(at + 8);
    const offset = file.readUInt32LE(at + 12);
    const bytes = file.subarray(offset, offset + length);
    if (bytes.length !== length) throw new Error(`ICO entry ${index} runs past the file`);
    return {
      size: file[at] === 0 ? 256 : file[at]!,
      format: bytes.subarray(0, 8).equals(PNG_SIGNATURE) ? 'png' : 'dib',
      bytes,
    };
  });
}

/** ICNS entry types holding PNG data, by pixel size (Retina types hold twice the point size). */
export const ICNS_TYPES: readonly (readonly [string, number])[] = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

export function encodeIcns(pngBySize: ReadonlyMap<number, Buffer>): Buffer {
  const entries = ICNS_TYPES.map(([type, size]) => {
    const png = pngBySize.get(size);
    if (!png) throw new Error(`ICNS needs a ${size} px PNG`);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(entries);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

export function readIcns(file: Buffer): Map<string, Buffer> {
  if (file.toString('latin1', 0, 4) !== 'icns' || file.readUInt32BE(4) !== file.length)
    throw new Error('not an ICNS');
  const entries = new Map<string, Buffer>();
  for (let offset = 8; offset < file.length;) {
    const type = file.toString('latin1', offset, offset + 4);
    const length = file.readUInt32BE(offset + 4);
    if (length < 8 || offset + length > file.length) throw new Error(`ICNS entry ${type} is cut`);
    entries.set(type, file.subarray(offset + 8, offset + length));
    offset += length;
  }
  return entries;
}
