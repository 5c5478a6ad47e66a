// Hostile inputs 1–13 of HOSTILE-INPUTS.md, each with its own fixture repository under tests/fixtures/hostile/.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { findRepository, readMeeting, validateRepository } from '../../src/load/index.js';
import { parseYaml } from '../../src/load/yaml.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'hostile');
const fixture = (name: string): string => path.join(fixtures, name);

/** Every diagnostic of a fixture repository as the CLI prints it, without hints. */
async function problems(name: string): Promise<string[]> {
  const repo = await findRepository(fixture(name));
  const { diagnostics, meetings } = await validateRepository(repo);
  expect(meetings).toEqual([]);
  return diagnostics.map((d) => formatDiagnostic({ ...d, hint: undefined }));
}

async function meetingOf(name: string) {
  const repo = await findRepository(fixture(name));
  return readMeeting(repo, '2025-01-28');
}

describe('hostile inputs', () => {
  test('1: ---js front matter is refused and never runs', async () => {
    expect(await problems('01-js-front-matter')).toEqual([
      "meetings/2025-01-28/01-velkomst.md:1:4  error  unsupported front-matter language 'js'",
    ]);
    expect(existsSync(path.join(fixture('01-js-front-matter'), 'pwned-by-front-matter'))).toBe(false);
    expect(existsSync('pwned-by-front-matter')).toBe(false);
  });

  test('2: ---coffee front matter is an unsupported language', async () => {
    expect(await problems('02-coffee-front-matter')).toEqual([
      "meetings/2025-01-28/01-velkomst.md:1:4  error  unsupported front-matter language 'coffee'",
    ]);
  });

  test('3: an alias bomb is rejected at an alias', async () => {
    expect(await problems('03-alias-bomb')).toEqual([
      'meetings/2025-01-28/01-bombe.md:3:8  error  too many aliases (more than 50): this looks like an alias bomb',
    ]);
  });

  test('4: 2,000-deep nesting is rejected, again and again, without aborting the process', async () => {
    expect(await problems('04-deep-nesting')).toEqual(['meetings/2025-01-28/01-dybt.md:3:42  error  nested deeper than 32 levels']);
    const deep = `a: ${'['.repeat(2000)}${']'.repeat(2000)}\n`;
    const block = `${'- '.repeat(2000)}x\n`;
    for (let i = 0; i < 50; i++) {
      expect(parseYaml(deep, 'f.yaml', { expect: 'mapping' }).diagnostics[0]?.message).toBe('nested deeper than 32 levels');
      expect(parseYaml(block, 'f.yaml', { expect: 'list' }).diagnostics[0]?.message).toBe('nested deeper than 32 levels');
    }
  });

  test('5: __proto__, constructor and prototype keys, also through <<, are errors and touch no prototype', async () => {
    expect(await problems('05-prototype-keys')).toEqual([
      "meetings/2025-01-28/01-proto.md:3:1  error  key '__proto__' is not allowed",
      "meetings/2025-01-28/02-merge.md:3:6  error  key 'constructor' is not allowed",
      "meetings/2025-01-28/03-prototype.md:3:1  error  key 'prototype' is not allowed",
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('6: duplicate key, tab indentation and an unterminated quote name line and column', async () => {
    expect(await problems('06-yaml-syntax')).toEqual([
      "meetings/2025-01-28/01-dobbelt.md:4:1  error  duplicate key 'title'",
      'meetings/2025-01-28/02-tabulator.md:4:1  error  tab used for indentation',
      'meetings/2025-01-28/03-citat.md:3:12  error  unterminated quote',
    ]);
  });

  test('7: no closing --- is "front matter not closed"', async () => {
    expect(await problems('07-not-closed')).toEqual(['meetings/2025-01-28/01-aaben.md:1:1  error  front matter not closed']);
  });

  test('8: no front matter, or a blank line before ---, is "missing front matter"', async () => {
    expect(await problems('08-missing-front-matter')).toEqual([
      'meetings/2025-01-28/01-uden.md:1:1  error  missing front matter',
      'meetings/2025-01-28/02-blank-linje.md:2:1  error  missing front matter: blank line before the opening ---',
    ]);
  });

  test('9: front matter that is a string or a list "must be a mapping"', async () => {
    expect(await problems('09-not-a-mapping')).toEqual([
      'meetings/2025-01-28/01-tekst.md:2:1  error  must be a mapping, found a single value',
      'meetings/2025-01-28/02-liste.md:2:1  error  must be a mapping, found a list',
    ]);
  });

  test('10: impossible dates, short dates and a date not the folder\'s are rejected, never rolled over', async () => {
    expect(await problems('10-bad-dates')).toEqual([
      'meetings/2025-01-28/01-opfoelgning.md:5:10  error  followups[0].due must be a date written YYYY-MM-DD, e.g. 2025-01-28',
      'meetings/2025-01-28/meeting.yaml:1:7  error  date 2025-01-27 is not the folder\'s date 2025-01-28',
      'meetings/2025-01-28/meeting.yaml:2:9  error  issued 2024-02-30 is not a day in the calendar',
    ]);
  });

  test('11: 0800 and 1.10 are kept exactly as written', async () => {
    const { meeting, warnings } = await meetingOf('11-numbers-as-text');
    expect(warnings).toEqual([]);
    expect(meeting.time).toBe('0800');
    expect(meeting.place).toBe('1.10');
    expect(meeting.items[0]?.title).toBe('1.10');
    expect(meeting.items[0]?.presenter).toBe('007');
  });

  test('12: UTF-16 and Latin-1 files are "not UTF-8", naming the line', async () => {
    expect(await problems('12-not-utf8')).toEqual([
      'meetings/2025-01-28/01-punkt-utf16.md:1:1  error  not UTF-8: the file looks like UTF-16',
      'meetings/2025-01-28/02-punkt-latin1.md:3:13  error  not UTF-8: byte 0xF8 is not valid UTF-8 (perhaps Latin-1 or Windows-1252)',
    ]);
  });

  test('12: a BOM and CRLF line ends are fine', async () => {
    const { meeting, warnings } = await meetingOf('12-bom-crlf');
    expect(warnings).toEqual([]);
    expect(meeting.place).toBe('Rådhuset');
    const [bom, crlf] = meeting.items;
    expect(bom?.title).toBe('Velkomst');
    expect(crlf).toMatchObject({
      title: 'Status på økonomi',
      types: ['O', 'B'],
      introduction: 'Indledning.',
      introductionLine: 5,
      minutes: 'Taget til efterretning.',
      minutesLine: 8,
    });
    expect(crlf?.introduction.includes('\r') || crlf?.minutes.includes('\r')).toBe(false);
  });

  test('13: {{ … }} and {{#if in any text are kept literally', async () => {
    const { meeting } = await meetingOf('13-template-syntax');
    expect(meeting.place).toBe('{{place}}');
    expect(meeting.items[0]).toMatchObject({
      title: '{{#if hemmelig}}Skjult{{/if}}',
      presenter: '{{> partial}}',
      proposal: ['Det indstilles, at {{ beløb }} godkendes.'],
      introduction: 'Tekst med {{ tuborg }} og {{{ tre }}}.',
      minutes: '{{#each punkter}}x{{/each}}',
    });
  });
});
