import { deflateSync } from 'node:zlib';

/**
 * A demo officer photo (执法人员照片, 004 §4(2)): a 120×160 PNG drawn here — a head-and-shoulders
 * silhouette in uniform blue on a light background, the hue varied by `seed` so that people differ.
 * The demo has no real people's pictures; the directory stores and serves these like any upload.
 */
export function demoOfficerPhoto(seed: number): Buffer {
  const width = 120;
  const height = 160;
  const bg = [228 - (seed % 4) * 8, 236, 244 - (seed % 3) * 10];
  const uniform = [20 + (seed % 5) * 6, 56 + (seed % 3) * 10, 120 + (seed % 4) * 12];
  const skin = [238, 206, 178];
  const hair = [40, 32, 28];
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x += 1) {
      const head = (x - 60) ** 2 / 26 ** 2 + (y - 62) ** 2 / 32 ** 2 <= 1;
      const hairTop = head && y < 48;
      const shoulders = y > 104 && (x - 60) ** 2 / 56 ** 2 + (y - 168) ** 2 / 62 ** 2 <= 1;
      const neck = Math.abs(x - 60) < 11 && y >= 88 && y <= 110;
      const c = hairTop ? hair : head || neck ? skin : shoulders ? uniform : bg;
      raw.set(c, row + 1 + x * 3);
    }
  }
  return png(width, height, raw);
}

/** The file as a JSON body for `PUT /people/{id}/photo`. */
export const demoPhotoBody = (seed: number) => ({
  contentType: 'image/png' as const,
  dataBase64: demoOfficerPhoto(seed).toString('base64'),
});

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(width: number, height: number, raw: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
