// Opens DOCX files from the writer in a real word processor (LibreOffice, headless) and reads back what it shows.

import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Doc } from '../../src/doc.js';
import { writeDocx } from '../../src/writers/docx.js';
import { everyBlockDoc, HOSTILE, solidPng } from '../helpers/sample-doc.js';
import { findClients } from '../helpers/clients.js';

const run = promisify(execFile);

const clients = findClients('DOCX writer', [['soffice', 'libreoffice'], ['pdftotext'], ['pdfinfo']]);
const office = clients.tool('soffice');
const pdftotext = clients.tool('pdftotext');
const pdfinfo = clients.tool('pdfinfo');

const TIMEOUT = 180_000;

describe.runIf(clients.ready)('DOCX in LibreOffice', () => {
  let dir = '';
  let profile = '';

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ddh-docx-client-'));
    // A profile of its own, so parallel runs and a user's open LibreOffice do not clash.
    profile = await mkdtemp(path.join(tmpdir(), 'ddh-lo-profile-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  });

  /** Writes `doc` as `name`.docx, converts it with LibreOffice to `format`, and returns the converted file's path. */
  async function convert(doc: Doc, name: string, format: string, extension: string): Promise<string> {
    const source = path.join(dir, `${name}.docx`);
    const result = await writeDocx(doc, { logo: solidPng(120, 40) });
    await writeFile(source, result.bytes);
    await run(office, [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', format, '--outdir', dir, source], {
      timeout: TIMEOUT,
    });
    // LibreOffice exits 0 even when it cannot read the file, so a missing output is the failure to look for.
    const target = path.join(dir, `${name}.${extension}`);
    await readFile(target).catch(() => {
      throw new Error(`LibreOffice did not convert ${name}.docx to ${extension}`);
    });
    return target;
  }

  it(
    'shows the headings, list numbers, table and the hostile characters as text',
    async () => {
      const text = await readFile(await convert(everyBlockDoc(), 'sample', 'txt:Text (encoded):UTF8', 'txt'), 'utf8');
      for (const expected of [
        'Referat Skovbyens Borgerservice Styregruppemøde',
        'Punkt 1: Velkomst',
        `Punkt 2: Særlige tegn ${HOSTILE}`,
        `Teksten indeholder ${HOSTILE} og fed og kursiv tekst.`,
        'Repræsentantskabsmøde',
      ]) {
        expect(text).toContain(expected);
      }
      expect(text).toMatch(/1\.\s+Velkomst/);
      expect(text).toMatch(/a\.\s+Erfaringer fra de første uger/);
      expect(text).toMatch(/C\.\s+Kursus i den nye telefonløsning/);
      expect(text).toMatch(/4\.\s+Fjerde punkt/);
    },
    TIMEOUT,
  );

  it(
    'opens a document whose sources held characters XML cannot hold',
    async () => {
      const doc = everyBlockDoc();
      doc.blocks.push({ type: 'paragraph', children: [{ type: 'text', text: 'før\uFFFE midt\uD800 efter\u0001 slut' }] });
      const text = await readFile(await convert(doc, 'bad-chars', 'txt:Text (encoded):UTF8', 'txt'), 'utf8');
      expect(text).toContain('før midt efter slut');
      expect(text).toContain('Punkt 1: Velkomst');
    },
    TIMEOUT,
  );

  it(
    'prints as A4 PDF pages with the header, "Side X af Y" and the document title',
    async () => {
      const pdf = await convert(everyBlockDoc(), 'sample-pdf', 'pdf', 'pdf');
      const info = (await run(pdfinfo, [pdf])).stdout;
      expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
      expect(info).toMatch(/Title:\s+Referat Skovbyens Borgerservice Styregruppemøde 06\.03\.2025/);
      const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
      expect(pages).toBeGreaterThanOrEqual(2);
      const text = (await run(pdftotext, ['-layout', pdf, '-'])).stdout;
      expect(text).toContain(`Side 1 af ${pages}`);
      expect(text).toContain(`Side ${pages} af ${pages}`);
      expect(text.split('Skovbyens Borgerservice').length - 1).toBeGreaterThanOrEqual(pages);
      // Once per page, in the header: this Doc's body does not say UDKAST, and the writer adds nothing to it.
      expect(text.split('UDKAST').length - 1).toBe(pages);
      expect(text).toContain('{{ navn }} {{#if x}}');
      // The table's columns are wide enough that neither a date nor the longest word breaks.
      expect(text).toMatch(/22\.05\.2025\s+Repræsentantskabsmøde\s+Kulturhuset/);
      expect(text).toMatch(/19\.06\.2025\s+Styregruppemøde\s+Rådhuset/);
    },
    TIMEOUT,
  );
});
