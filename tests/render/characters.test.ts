// HOSTILE-INPUTS 13–16 through the whole pipeline: every character arrives, or a warning names file and line.

import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { ddh, type CliResult } from '../helpers/cli.js';
import { findClients } from '../helpers/clients.js';
import { makeRepo } from '../helpers/temp-repo.js';

const LITERAL = `& < > ' " æøå – ’ “ ” ▪ → {{ navn }} {{#if x}}`;
const M = 'meetings/2026-02-03';
const poppler = findClients('characters (PDF text)', [['pdftotext']]);

describe('characters through render', () => {
  let root: string;
  let result: CliResult;
  const out = (ext: string) => path.join(root, 'out', `DDH-referat_03.02.2026.${ext}`);

  beforeAll(async () => {
    root = await makeRepo({
      [`${M}/meeting.yaml`]: 'date: 2026-02-03\nstatus: approved\n',
      [`${M}/10-tegn.md`]: [
        '---',
        `title: "Tegn: ${LITERAL.replaceAll('"', '\\"')}"`,
        `presenter: '${LITERAL.replaceAll("'", "''")}'`,
        '---',
        `Brødtekst: ${LITERAL}`,
        '',
        'Styrings\uFFFEtegn og\u0001kontrol.',
        '',
        '## Referat',
        '',
        'En enhjørning 🦄 i referatet.',
        '',
      ].join('\n'),
    });
    result = await ddh(root, 'render', 'minutes', '--format', 'docx,pdf,md', '--out', 'out');
  });

  it('renders, and warns with file:line:col for the line whose control characters were removed and the glyph no font has', () => {
    expect(result.code).toBe(0);
    const warnings = result.stderr.split('\n').filter((l) => l.includes('  warning  '));
    expect(warnings).toEqual([
      `${M}/10-tegn.md:7:9  warning  removed invisible or invalid characters (U+FFFE, U+0001)`,
      expect.stringMatching(new RegExp(`^${M}/10-tegn\\.md:11:15  warning  '🦄' \\(U\\+1F984\\) is in none of the PDF's fonts`)),
    ]);
  });

  it('keeps every character literal in the Markdown and in the DOCX, whose every part is well-formed XML', async () => {
    const md = await readFile(out('md'), 'utf8');
    expect(md).not.toContain('\uFFFE');
    const zip = await JSZip.loadAsync(await readFile(out('docx')));
    for (const file of Object.values(zip.files).filter((f) => f.name.endsWith('.xml') || f.name.endsWith('.rels'))) {
      expect(XMLValidator.validate(await file.async('string')), file.name).toBe(true);
    }
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')
      .replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&amp;', '&');
    expect(text).toContain(`Tegn: ${LITERAL}`);
    expect(text).toContain(`Brødtekst: ${LITERAL}`);
    expect(text).toContain('Styringstegn ogkontrol.');
  });

  it.runIf(poppler.ready)('gives every character back from the PDF text', () => {
    const text = execFileSync(poppler.tool('pdftotext'), [out('pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain(`Tegn: ${LITERAL}`);
    expect(text).toContain(`Brødtekst: ${LITERAL}`);
  });
});
