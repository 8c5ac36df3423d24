import { crc32, deflateSync } from 'node:zlib';

/**
 * Small but well-formed evidence files, generated (no binary fixtures in the repository): the
 * recording service checks the first bytes against the declared content type, so each carries its
 * format's real signature and structure.
 */

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed) >>> 0);
  return Buffer.concat([length, typed, crc]);
}

/**
 * An RGB PNG of `width`×`height` with a diagonal gradient seeded by `seed` (so two photos differ),
 * standing in for a site photo (现场照片).
 */
export function pngPhoto(width = 64, height = 48, seed = 1): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(1 + width * 3); // filter byte 0 (none) + pixels
    for (let x = 0; x < width; x += 1) {
      row[1 + x * 3] = (x * 4 + seed * 37) & 0xff;
      row[2 + x * 3] = (y * 5 + seed * 11) & 0xff;
      row[3 + x * 3] = ((x + y) * 3 + seed * 71) & 0xff;
    }
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.concat(rows))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A one-page PDF 1.4 with the given lines (ASCII: the built-in Helvetica has no CJK glyphs), a real
 * cross-reference table and trailer, e.g. a scanned document's cover sheet.
 */
export function pdfDocument(title: string, lines: string[]): Buffer {
  const escape = (s: string) => s.replace(/[\\()]/gu, (c) => `\\${c}`).replace(/[^\x20-\x7e]/gu, '?');
  const text = [title, ...lines]
    .map((line, i) => `BT /F1 ${i === 0 ? 16 : 11} Tf 56 ${780 - i * 22} Td (${escape(line)}) Tj ET`)
    .join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A UTF-8 text document (e.g. a typed report), with a BOM so Windows editors read it as UTF-8. */
export function textDocument(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

/**
 * An MP4 of `size` bytes standing in for a body camera's recording (执法记录仪视频): a real `ftyp`
 * box (the service checks it), then seeded pseudo-random bytes — large enough to be sent in parts.
 */
export function mp4Video(size: number, seed = 1): Buffer {
  const out = Buffer.alloc(size);
  const ftyp = Buffer.from([
    0,
    0,
    0,
    0x18,
    ...Buffer.from('ftypisom', 'latin1'),
    0,
    0,
    2,
    0,
    ...Buffer.from('isomiso2', 'latin1'),
  ]);
  ftyp.copy(out, 0);
  let x = (seed * 2654435761) >>> 0 || 1;
  for (let i = ftyp.length; i + 4 <= size; i += 4) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out.writeUInt32LE(x >>> 0, i);
  }
  return out;
}
