// Rewrites a DOCX package so that the same document always gives the same bytes: ids from position, fixed dates.

import JSZip from 'jszip';

/** A part to put into the package in place of the one the docx library wrote (or in addition to it). */
export interface PartOverride {
  path: string;
  data: string;
}

const CONTENT_TYPES = '[Content_Types].xml';
const NUMBERED_ID = /^rId\d+$/;
const RELS_PATH = /^(.*?)_rels\/([^/]+)\.rels$/;

/**
 * Repacks `bytes` with every entry dated `date`, the given parts replaced, and each relationship id the docx library
 * made at random (nanoid, for hyperlinks) renamed after its place in its .rels part, in the .rels and in the part it
 * belongs to. Entries keep their order, [Content_Types].xml first; compression is fixed, so the output depends on the content alone.
 */
export async function repackDeterministic(bytes: Uint8Array, date: Date, overrides: readonly PartOverride[]): Promise<Uint8Array> {
  const input = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string | Uint8Array>();
  for (const entry of Object.values(input.files)) {
    if (entry.dir) continue;
    parts.set(entry.name, isXmlPart(entry.name) ? await entry.async('string') : await entry.async('uint8array'));
  }
  for (const override of overrides) parts.set(override.path, override.data);
  renameRandomRelationshipIds(parts);

  const output = new JSZip();
  // [Content_Types].xml first, as Word writes it: some readers sniff the package by its first entry.
  const names = [...parts.keys()].sort((a, b) => Number(b === CONTENT_TYPES) - Number(a === CONTENT_TYPES));
  for (const name of names) {
    const data = parts.get(name) as string | Uint8Array;
    output.file(name, data, { date, createFolders: false, binary: typeof data !== 'string' });
  }
  return output.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
    platform: 'DOS',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  });
}

function isXmlPart(name: string): boolean {
  return name.endsWith('.xml') || name.endsWith('.rels');
}

function renameRandomRelationshipIds(parts: Map<string, string | Uint8Array>): void {
  for (const [relsPath, rels] of parts) {
    const match = RELS_PATH.exec(relsPath);
    if (match === null || typeof rels !== 'string') continue;
    const ownerPath = `${match[1] ?? ''}${match[2] ?? ''}`;
    const owner = parts.get(ownerPath);
    const renames = new Map<string, string>();
    for (const [, id] of rels.matchAll(/\sId="([^"]*)"/g)) {
      if (id !== undefined && !NUMBERED_ID.test(id) && !renames.has(id)) renames.set(id, `rIdL${renames.size + 1}`);
    }
    if (renames.size === 0) continue;
    const rename = (xml: string): string => xml.replace(/(\s[\w:]+=")([^"]*)"/g, (all, head: string, value: string) => {
      const renamed = renames.get(value);
      return renamed === undefined ? all : `${head}${renamed}"`;
    });
    parts.set(relsPath, rename(rels));
    if (typeof owner === 'string') parts.set(ownerPath, rename(owner));
  }
}
