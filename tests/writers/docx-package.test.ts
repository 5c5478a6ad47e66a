// The DOCX package zip: entries, order, dates and checksums, read back with jszip.

import zlib from 'node:zlib';
import JSZip from 'jszip';
import { describe, expect, test } from 'vitest';
import { crc32Of, packDeterministic } from '../../src/writers/docx-package.js';

const PARTS = new Map<string, string | Uint8Array>([
  ['word/document.xml', '<w:document><w:t>Æbler og pærer – “citat”</w:t></w:document>'],
  ['[Content_Types].xml', '<Types/>'],
  ['word/_rels/document.xml.rels', '<Relationships><Relationship Id="rId1" Target="styles.xml"/></Relationships>'],
  ['word/media/billede.png', new Uint8Array([137, 80, 78, 71, 0, 255, 1, 2])],
  ['docProps/core.xml', '<core/>'],
]);

async function unzip(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  return Object.values(zip.files);
}

describe('packDeterministic', () => {
  test('zips every part, [Content_Types].xml first, with the contents intact and checksums right', async () => {
    const entries = await unzip(packDeterministic(PARTS, '2026-01-27'));
    expect(entries.map((e) => e.name)).toEqual(['[Content_Types].xml', 'word/document.xml', 'word/_rels/document.xml.rels', 'word/media/billede.png', 'docProps/core.xml']);
    expect(await entries[3]!.async('uint8array')).toEqual(PARTS.get('word/media/billede.png'));
    expect(await entries[4]!.async('string')).toBe('<core/>');
    expect(await entries[1]!.async('string')).toContain('Æbler og pærer – “citat”');
  });

  test('marks a non-ASCII entry name as UTF-8', async () => {
    const entries = await unzip(packDeterministic(new Map([['word/media/æble.png', new Uint8Array([1])]]), '2026-01-27'));
    expect(entries.map((e) => e.name)).toEqual(['word/media/æble.png']);
  });

  test('dates every entry at midnight of the given day, in any time zone', async () => {
    for (const entry of await unzip(packDeterministic(PARTS, '2026-01-27'))) {
      // jszip reads the DOS fields as UTC.
      expect(entry.date.toISOString()).toBe('2026-01-27T00:00:00.000Z');
    }
    const early = await unzip(packDeterministic(PARTS, '1975-06-01'));
    expect(early[0]!.date.toISOString()).toBe('1980-01-01T00:00:00.000Z');
  });

  test('deflates each part at zlib level 3, faster than the default for a little more size', () => {
    const words = Array.from({ length: 4000 }, (_, i) => ['styregruppen', 'drøftede', 'ventetid', 'og', 'kommunerne', 'chatbotten'][(i * 7919) % 6]).join(' ');
    const document = Buffer.from(`<w:document><w:t>${words}</w:t></w:document>`, 'utf8');
    // At this size the levels give different bytes, so the test tells them apart.
    expect(zlib.deflateRawSync(document, { level: 3 }).equals(zlib.deflateRawSync(document))).toBe(false);
    const bytes = Buffer.from(packDeterministic(new Map([['word/document.xml', document]]), '2026-01-27'));
    // The only entry's data follows its local header (30 bytes), its name and its extra field.
    const packedSize = bytes.readUInt32LE(18);
    const start = 30 + bytes.readUInt16LE(26) + bytes.readUInt16LE(28);
    expect(bytes.subarray(start, start + packedSize).equals(zlib.deflateRawSync(document, { level: 3 }))).toBe(true);
  });

  test('gives the same bytes for the same parts, and other bytes for another day', () => {
    const a = packDeterministic(PARTS, '2026-01-27');
    expect(Buffer.from(packDeterministic(new Map(PARTS), '2026-01-27')).equals(Buffer.from(a))).toBe(true);
    expect(Buffer.from(packDeterministic(PARTS, '2026-01-28')).equals(Buffer.from(a))).toBe(false);
  });
});

describe('crc32Of', () => {
  test('is the CRC-32 of zip files', () => {
    expect(crc32Of(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    const data = new Uint8Array(70_000).map((_, i) => (i * 7919) % 251);
    expect(crc32Of(data)).toBe(zlib.crc32(data));
    expect(crc32Of(new Uint8Array())).toBe(0);
  });
});
