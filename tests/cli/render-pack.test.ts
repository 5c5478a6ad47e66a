// `ddh render pack` run in-process on copies of the example repository: the pack's properties, and what it refuses.

import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyExample, ddh } from '../helpers/cli.js';
import { findClients } from '../helpers/clients.js';
import { breakPage, encryptPdf, makePdf } from '../helpers/make-pdf.js';
import { loadPdf, readPdfFacts } from '../helpers/pdf-read.js';

/** The example meeting whose item has a PDF in bilag/. */
const DATE = '2026-01-27';
const ITEM = 'meetings/2026-01-27/40-kpi-er-for-4-kvartal-2025.md';
const ATTACHMENT = 'bilag/kpi-rapport-4-kvartal-2025.pdf';

const qpdf = findClients('pack of an encrypted attachment (qpdf makes it)', [['qpdf']]);

/** A copy of the example whose KPI item's PDF attachment is made bad by `spoil`, which gets the repository root. */
async function spoiled(spoil: (root: string) => Promise<void>): Promise<string> {
  const root = await copyExample();
  await spoil(root);
  return root;
}

/** Points the KPI item's attachment at `written` instead of its file in bilag/. */
async function pointAttachmentAt(root: string, written: string): Promise<void> {
  const file = path.join(root, ...ITEM.split('/'));
  const text = await readFile(file, 'utf8');
  await writeFile(file, text.replace(`file: ${ATTACHMENT}`, `file: ${written}`));
}

describe('ddh render pack', () => {
  it('titles the pack as a meeting pack, in the Info dictionary and in the XMP, an extract with its track', async () => {
    const root = await copyExample();
    for (const [out, args, title] of [
      ['whole', [], 'Bilagspakke DDH Styregruppemøde 27.01.2026'],
      ['extract', ['--track', 'kontaktcenter'], 'Bilagspakke DDH Styregruppemøde 27.01.2026 – Uddrag: DDH Kontaktcenter'],
    ] as const) {
      const r = await ddh(root, 'render', 'pack', DATE, '--out', out, ...args);
      expect(r.code, r.stderr).toBe(0);
      const [file, ...more] = await readdir(path.join(root, out));
      expect(more).toEqual([]);
      const bytes = new Uint8Array(await readFile(path.join(root, out, file!)));
      expect((await loadPdf(bytes)).getTitle()).toBe(title);
      expect((await readPdfFacts(bytes)).xmp).toContain(`<rdf:li xml:lang="x-default">${title}</rdf:li>`);
    }
  });

  it('warns when the meeting has no PDF attachments, and still writes the agenda as the pack', async () => {
    const root = await copyExample();
    const alone = await ddh(root, 'render', 'pack', '2026-04-28', '--out', 'alone');
    expect(alone.code, alone.stderr).toBe(0);
    expect(alone.stderr).toMatch(/^meetings\/2026-04-28\/meeting\.yaml:1:1 {2}warning {2}no PDF attachments; the pack is the agenda alone$/m);
    expect(alone.stdout).toBe('wrote alone/DDH-bilagspakke_28.04.2026.pdf');
    expect((await loadPdf(new Uint8Array(await readFile(path.join(root, 'alone', 'DDH-bilagspakke_28.04.2026.pdf'))))).getPageCount()).toBeGreaterThan(0);
    const withPdf = await ddh(root, 'render', 'pack', DATE, '--out', 'with');
    expect(withPdf.code, withPdf.stderr).toBe(0);
    expect(withPdf.stderr).not.toContain('no PDF attachments');
  });

  describe('refuses an attachment it cannot put in the pack: exit 1, naming the attachment and its item, writing nothing', () => {
    let outside: string;
    const refused = async (root: string, attachment: string, message: RegExp): Promise<void> => {
      const r = await ddh(root, 'render', 'pack', DATE, '--out', 'out');
      expect(r.code, r.stderr).toBe(1);
      const line = r.stderr.split('\n').find((l) => l.startsWith(ITEM));
      expect(line, r.stderr).toBeDefined();
      expect(line).toContain(attachment);
      expect(line).toMatch(message);
      expect(r.stdout).toBe('');
      expect(existsSync(path.join(root, 'out'))).toBe(false);
    };

    beforeAll(async () => {
      outside = await mkdtemp(path.join(tmpdir(), 'ddh-outside-'));
      await writeFile(path.join(outside, 'fremmed.pdf'), await makePdf(['Uden for arkivet']));
    });
    afterAll(async () => {
      await rm(outside, { recursive: true, force: true });
    });

    it('a damaged PDF', async () => {
      const damaged = await breakPage(await makePdf(['Side et', 'Side to']), 1);
      const root = await spoiled((r) => writeFile(path.join(r, 'meetings', DATE, ...ATTACHMENT.split('/')), damaged));
      await refused(root, `'${ATTACHMENT}'`, /is damaged/);
    });

    it.runIf(qpdf.ready)('an encrypted PDF', async () => {
      const encrypted = await encryptPdf(await makePdf(['Hemmelig']), '');
      const root = await spoiled((r) => writeFile(path.join(r, 'meetings', DATE, ...ATTACHMENT.split('/')), encrypted));
      await refused(root, `'${ATTACHMENT}'`, /is encrypted/);
    });

    it('a path that leads out of the repository', async () => {
      const root = await spoiled((r) => pointAttachmentAt(r, '../../../fremmed.pdf'));
      await refused(root, '../../../fremmed.pdf', /leads outside the repository \(attachment 'KPI-rapport for 4\. kvartal 2025'\)/);
    });

    it('a symlink in the meeting folder that leads out of it', async () => {
      const root = await spoiled(async (r) => {
        const link = path.join(r, 'meetings', DATE, ...ATTACHMENT.split('/'));
        await rm(link);
        await symlink(path.join(outside, 'fremmed.pdf'), link);
      });
      await refused(root, ATTACHMENT, /is a link that leads outside the repository \(attachment 'KPI-rapport for 4\. kvartal 2025'\)/);
    });
  });
});
