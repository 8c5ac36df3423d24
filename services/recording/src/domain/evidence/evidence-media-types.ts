import type { TEvidenceMediaKind } from '@sanxiang/shared';

/**
 * Which content types each kind of evidence may have, and what their first bytes must look like.
 * The declared type is checked against the bytes actually sent, so a file cannot be filed under a
 * type it is not. A short table of signatures is enough for the formats enforcement devices and
 * offices produce; the common libraries for this are ESM-only, which this CommonJS service cannot load.
 */

type TSignature = (head: Buffer) => boolean;

const at =
  (offset: number, ...bytes: number[]): TSignature =>
  (h) =>
    h.length >= offset + bytes.length && bytes.every((b, i) => h[offset + i] === b);
const ascii = (offset: number, text: string): TSignature => at(offset, ...Buffer.from(text, 'latin1'));
const any =
  (...sigs: TSignature[]): TSignature =>
  (h) =>
    sigs.some((s) => s(h));
const riff =
  (form: string): TSignature =>
  (h) =>
    ascii(0, 'RIFF')(h) && ascii(8, form)(h);
const isoMedia = ascii(4, 'ftyp'); // MP4, MOV, M4A, 3GP, HEIC
const zip = at(0, 0x50, 0x4b, 0x03, 0x04); // DOCX, XLSX, OFD
const ole = at(0, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1); // DOC, XLS
const mpegTs = at(0, 0x47); // transport stream sync byte (many body cameras)
const mp3 = any(ascii(0, 'ID3'), at(0, 0xff, 0xfb), at(0, 0xff, 0xf3), at(0, 0xff, 0xf2));
const aacAdts = any(at(0, 0xff, 0xf1), at(0, 0xff, 0xf9));
const textLike: TSignature = (h) => !h.subarray(0, 512).includes(0);

export const allowedContentTypes: Record<TEvidenceMediaKind, Record<string, TSignature>> = {
  audio: {
    'audio/mpeg': mp3,
    'audio/mp4': isoMedia,
    'audio/aac': aacAdts,
    'audio/wav': riff('WAVE'),
    'audio/x-wav': riff('WAVE'),
    'audio/ogg': ascii(0, 'OggS'),
    'audio/amr': ascii(0, '#!AMR'),
  },
  video: {
    'video/mp4': isoMedia,
    'video/quicktime': isoMedia,
    'video/3gpp': isoMedia,
    'video/x-msvideo': riff('AVI '),
    'video/webm': at(0, 0x1a, 0x45, 0xdf, 0xa3),
    'video/x-matroska': at(0, 0x1a, 0x45, 0xdf, 0xa3),
    'video/mp2t': mpegTs,
    'video/mpeg': any(at(0, 0x00, 0x00, 0x01, 0xba), at(0, 0x00, 0x00, 0x01, 0xb3)),
  },
  photo: {
    'image/jpeg': at(0, 0xff, 0xd8, 0xff),
    'image/png': at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
    'image/heic': isoMedia,
    'image/webp': riff('WEBP'),
    'image/tiff': any(at(0, 0x49, 0x49, 0x2a, 0x00), at(0, 0x4d, 0x4d, 0x00, 0x2a)),
  },
  document: {
    'application/pdf': ascii(0, '%PDF-'),
    'application/ofd': zip, // 版式文档 (GB/T 33190)
    'application/msword': ole,
    'application/vnd.ms-excel': ole,
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': zip,
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': zip,
    'image/jpeg': at(0, 0xff, 0xd8, 0xff), // scanned paper
    'image/png': at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
    'image/tiff': any(at(0, 0x49, 0x49, 0x2a, 0x00), at(0, 0x4d, 0x4d, 0x00, 0x2a)),
    'text/plain': textLike,
  },
};

/** Bytes needed to check a signature. */
export const sniffLength = 64;

/** The bare media type, lower case, without parameters (`video/mp4; codecs=…` → `video/mp4`). */
export const bareContentType = (value: string | undefined) =>
  (value ?? '').split(';')[0]!.trim().toLowerCase();

export const isAllowedContentType = (kind: TEvidenceMediaKind, contentType: string) =>
  Object.hasOwn(allowedContentTypes[kind], contentType);

/** Do the first bytes of the content fit the declared type? */
export function contentMatchesType(kind: TEvidenceMediaKind, contentType: string, head: Buffer): boolean {
  const signature = allowedContentTypes[kind][contentType];
  return signature !== undefined && signature(head);
}
