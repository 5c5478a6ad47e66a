// The example meetings rendered by the CLI and opened by real clients: LibreOffice for the DOCX, poppler and qpdf for the PDF.

import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { findRepository, readMeeting } from '../../src/load/index.js';
import type { Meeting } from '../../src/model.js';
import { typeCodes } from '../../src/rules/numbering.js';
import { copyExample, ddh } from '../helpers/cli.js';
import { findClients } from '../helpers/clients.js';
import { readPdfFacts } from '../helpers/pdf-read.js';

const run = promisify(execFile);
const clients = findClients('example meetings', [['soffice', 'libreoffice'], ['pdftotext'], ['pdfinfo'], ['pdffonts'], ['qpdf']]);
const flat = (text: string) => text.replace(/\s+/g, ' ');
const heading = (item: Meeting['items'][number]) => `Punkt ${item.number}: ${item.title}${item.types.length > 0 ? ` ${typeCodes(item.types)}` : ''}`;

describe.runIf(clients.ready)('the example meetings in real clients', () => {
  let root: string;
  let meetings: Meeting[];
  const files = async (ext: string) => (await readdir(path.join(root, 'out'))).filter((n) => n.endsWith(ext)).map((n) => path.join(root, 'out', n));
  const meetingOf = (file: string) => meetings.find((m) => path.basename(file).includes(m.date.split('-').reverse().join('.')))!;

  beforeAll(async () => {
    root = await copyExample();
    const repo = await findRepository(root);
    meetings = await Promise.all(repo.meetingDates.map(async (date) => (await readMeeting(repo, date)).meeting));
    for (const document of ['agenda', 'minutes']) {
      const r = await ddh(root, 'render', document, '--all', '--out', 'out');
      expect(r.code, r.stderr).toBe(0);
    }
    // --all with --out puts each meeting in its own folder; gather them in out/ for the clients.
    for (const date of repo.meetingDates) {
      for (const name of await readdir(path.join(root, 'out', date))) {
        await rename(path.join(root, 'out', date, name), path.join(root, 'out', name));
      }
    }
  }, 120_000);

  it('LibreOffice opens every agenda and minutes DOCX and shows every item heading', async () => {
    const docx = await files('.docx');
    expect(docx).toHaveLength(2 * meetings.length);
    const profile = await mkdtemp(path.join(tmpdir(), 'ddh-lo-'));
    const txt = path.join(root, 'txt');
    await run(clients.tool('soffice'), [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', 'txt:Text', '--outdir', txt, ...docx], { timeout: 180_000 });
    for (const file of docx) {
      const text = flat(await readFile(path.join(txt, path.basename(file, '.docx') + '.txt'), 'utf8'));
      for (const item of meetingOf(file).items) expect(text).toContain(heading(item));
    }
  }, 240_000);

  it('poppler reads every item heading from every PDF; the files are tagged, A4, with every font embedded', async () => {
    for (const file of await files('.pdf')) {
      const text = flat((await run(clients.tool('pdftotext'), [file, '-'])).stdout);
      for (const item of meetingOf(file).items) expect(text).toContain(heading(item));
      const info = (await run(clients.tool('pdfinfo'), [file])).stdout;
      expect(info).toMatch(/Tagged:\s+yes/);
      expect(info).toMatch(/Page size:\s+595.2\d? x 841.8\d? pts \(A4\)/);
      const fonts = (await run(clients.tool('pdffonts'), [file])).stdout.split('\n').slice(2).filter((l) => l.trim() !== '');
      expect(fonts.length).toBeGreaterThan(0);
      for (const line of fonts) expect(line.split(/\s+/).at(-5)).toBe('yes');
    }
  });

  it('poppler reads UDKAST on page 1 of draft minutes twice, in the header and the body (the watermark is no text), and on no agenda', async () => {
    for (const file of await files('.pdf')) {
      const page1 = (await run(clients.tool('pdftotext'), ['-f', '1', '-l', '1', file, '-'])).stdout;
      const draft = path.basename(file).includes('referat') && meetingOf(file).status !== 'approved';
      expect(page1.split('UDKAST').length - 1, file).toBe(draft ? 2 : 0);
    }
  });

  it('qpdf finds no damage, and the outline has an entry for every item', async () => {
    for (const file of await files('.pdf')) {
      await run(clients.tool('qpdf'), ['--check', file]);
      const facts = await readPdfFacts(await readFile(file));
      expect(facts.outlineTitles.filter((t) => t.startsWith('Punkt '))).toEqual(meetingOf(file).items.map(heading));
    }
  });
});
