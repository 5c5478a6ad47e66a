import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { lintRepository, type LintOptions } from '../../src/lint/index.js';
import type { AgendaItem, Meeting, Repository } from '../../src/model.js';
import { approval, item, meeting, point, repository } from '../helpers/meeting-builder.js';

const noFiles: LintOptions = { readSource: () => undefined };
const rules = (found: Diagnostic[]): string[] => found.map((d) => d.rule);
const lint = (repo: Repository, meetings: Meeting[], options: LintOptions = {}): Diagnostic[] =>
  lintRepository(repo, meetings, { ...noFiles, ...options });

/** An item that passes every rule: minutes written, no B without a proposal. */
const fine = (over: Partial<AgendaItem> = {}) => item({ minutes: 'Taget til efterretning.', ...over });

describe('lintRepository', () => {
  it('finds nothing in a tidy meeting and gives only warnings with lint/ rules', () => {
    const m = meeting('2026-03-12', [fine(), approval([], { minutes: 'Godkendt.' })]);
    expect(lint(repository({ meetingDates: ['2026-03-12'] }), [m])).toEqual([]);
  });

  describe('no-referat', () => {
    const m = (status: Meeting['status']) =>
      meeting('2026-03-12', [fine(), item({ prefix: 20, title: 'KPI', minutes: '  \n', minutesLine: 14 })], { status });

    it('reports an item without minutes once the meeting is approved', () => {
      const found = lint(repository({ meetingDates: ['2026-03-12'] }), [m('approved')]);
      expect(found).toEqual([expect.objectContaining({ rule: 'lint/no-referat', severity: 'warning', file: 'meetings/2026-03-12/20-punkt.md', line: 14 })]);
      expect(found[0]!.message).toContain('Punkt 2 "KPI"');
    });

    it('reports it in a draft when a later meeting exists', () => {
      expect(rules(lint(repository({ meetingDates: ['2026-03-12', '2026-04-28'] }), [m('draft')]))).toEqual(['lint/no-referat']);
    });

    it('leaves the latest draft meeting alone: its minutes are not written yet', () => {
      expect(lint(repository({ meetingDates: ['2026-01-27', '2026-03-12'] }), [m('draft')])).toEqual([]);
    });
  });

  describe('referat-date', () => {
    const repo = repository({ meetingDates: ['2026-01-27', '2026-03-12'] });
    const withText = (over: Parameters<typeof approval>[1]) => [meeting('2026-03-12', [approval([], over)])];

    it('accepts the previous meeting date in any common form', () => {
      for (const title of [
        'Godkendelse af referat fra mødet den 27.01.2026',
        'Godkendelse af referat fra 2026-01-27',
        'Godkendelse af referat fra mødet 27. januar 2026',
        'Godkendelse af referat fra 27/1-2026',
      ]) {
        expect(lint(repo, withText({ title }))).toEqual([]);
      }
    });

    it('reports another date in the title, the proposal or an attachment', () => {
      const found = lint(
        repo,
        withText({
          title: 'Mødereferatet fra 26.11.2025 forelægges til godkendelse',
          proposal: ['Det indstilles, at referatet fra mødet den 2025-12-13 godkendes.'],
          attachments: [{ title: 'Referat styregruppemøde 27.01.2026' }, { title: 'Referat 3. februar 2026' }],
        }),
      );
      expect(found.map((d) => [d.rule, d.field])).toEqual([
        ['lint/referat-date', 'title'],
        ['lint/referat-date', 'proposal[0]'],
        ['lint/referat-date', 'attachments[1].title'],
      ]);
      expect(found[0]!.message).toBe('refers to the minutes of 26.11.2025, but the previous meeting was 27.01.2026');
    });

    it('ignores dates on lines that do not mention the minutes, and the first meeting', () => {
      expect(lint(repo, withText({ introduction: 'Vagtplanen blev vedtaget 03.12.2025.\nReferatet er udsendt.' }))).toEqual([]);
      expect(lint(repository({ meetingDates: ['2026-03-12'] }), withText({ title: 'Godkendelse af referat fra 26.11.2025' }))).toEqual([]);
    });

    it('finds the line of a date in the body through the file', () => {
      const file = 'meetings/2026-03-12/30-godkendelse-af-referat.md';
      const source = '---\ntitle: Godkendelse\nkind: approval\n---\nIndledning.\n\nReferatet fra 12.12.2025 er vedlagt.\n';
      const found = lintRepository(repo, withText({ introduction: 'Indledning.\n\nReferatet fra 12.12.2025 er vedlagt.', introductionLine: 5 }), {
        readSource: (f) => (f === file ? source : undefined),
      });
      expect(found).toEqual([expect.objectContaining({ rule: 'lint/referat-date', file, line: 7, field: 'introduction' })]);
    });
  });

  describe('password and cpr', () => {
    const repo = repository({ meetingDates: ['2026-03-12'] });
    const textIn = (minutes: string, over: Partial<Meeting> = {}) => [meeting('2026-03-12', [fine({ minutes, minutesLine: 9 })], over)];

    it.each([
      'Find bilag her (koden er: Leder2026)',
      'Adgangskode: Vinter#42',
      'password=hemmelig7',
      'Koden er Moede2026 til portalen.',
      'Kodeordet: sOmmer',
    ])('reports %j as a password without repeating it', (text) => {
      const found = lint(repo, textIn(`Første linje.\n${text}`));
      expect(rules(found)).toEqual(['lint/password']);
      expect(found[0]!.line).toBe(10);
      expect(found[0]!.message).not.toMatch(/2026|#42|hemmelig|sOmmer/);
    });

    it.each([
      'Adgangskoden til portalen sendes separat.',
      'Koden er ændret siden sidst.',
      'Skift dit password jævnligt.',
      'Kode: sendes pr. mail',
      'Postnummer og kode udfyldes.',
    ])('does not report %j', (text) => {
      expect(lint(repo, textIn(text))).toEqual([]);
    });

    it('finds the line of each of two equal lines, in the introduction and in the minutes', () => {
      const file = 'meetings/2026-03-12/10-punkt.md';
      const source = '---\ntitle: Portal\n---\nIntro.\nKoden er: Portal2026\n\n## Referat\n\nKoden er: Portal2026\n';
      const m = meeting('2026-03-12', [fine({ introduction: 'Intro.\nKoden er: Portal2026', introductionLine: 4, minutes: 'Koden er: Portal2026', minutesLine: 9 })]);
      const found = lintRepository(repo, [m], { readSource: (f) => (f === file ? source : undefined) });
      expect(found.map((d) => [d.field, d.line])).toEqual([
        ['introduction', 5],
        ['minutes', 9],
      ]);
    });

    it('reports a password in meeting.yaml fields and carried updates', () => {
      const found = lint(repo, [
        meeting('2026-03-12', [approval([point('portal', '2026-01-27', { update: 'Ny kode: Portal2026' })], { minutes: 'Godkendt.' })], {
          attachmentsUrl: 'https://example.org/bilag?pwd=Xy12zz',
        }),
      ]);
      expect(found.map((d) => [d.rule, d.file, d.field])).toEqual([
        ['lint/password', 'meetings/2026-03-12/meeting.yaml', 'attachments_url'],
        ['lint/password', 'meetings/2026-03-12/30-godkendelse-af-referat.md', 'carried[0].update'],
      ]);
    });

    it.each(['Borgerens CPR 120380-1234 blev nævnt.', 'cpr.nr. 311299–4321', 'Født 290200-1111', 'CPR 1203801234 uden bindestreg', 'cpr:3112994321.'])('reports the CPR number in %j, masked', (text) => {
      const found = lint(repo, textIn(text));
      expect(rules(found)).toEqual(['lint/cpr']);
      expect(found[0]!.message).toMatch(/\(\d{6}-\*{4}\)/);
      expect(found[0]!.message).not.toMatch(/1234|4321|1111/);
    });

    it.each([
      'Ring på 70 20 30 40 eller +45 12345678.',
      'Tlf. 1234 5678, mobil 22-33-44-55.',
      'Sagsnr. 2026-001234 og 2026-03-12.',
      'Ugyldig dato 320380-1234 og 011380-1234.',
      'Konto 1234-567890',
      'Maskeret 120380-XXXX',
      'Ring på 4512345678 eller 004512345678.',
      'Konto 0123456789, EAN 5798000012345, CVR 12345678.',
      'Sagen https://sag.example.dk/1203801234 og beløbet 3.1203801234.',
      'Tal 12038012345 og 120380123.',
    ])('does not report %j as a CPR number', (text) => {
      expect(lint(repo, textIn(text))).toEqual([]);
    });
  });

  describe('no-proposal', () => {
    const repo = repository({ meetingDates: ['2026-03-12'] });
    it('reports a B item without a proposal at the types line', () => {
      const file = 'meetings/2026-03-12/20-punkt.md';
      const found = lintRepository(repo, [meeting('2026-03-12', [fine({ prefix: 20, types: ['D', 'B'], proposal: ['  '] })])], {
        readSource: (f) => (f === file ? '---\ntitle: Budget\ntypes: [D, B]\n---\n' : undefined),
      });
      expect(found).toEqual([expect.objectContaining({ rule: 'lint/no-proposal', file, line: 3, field: 'proposal' })]);
    });
    it('accepts a B item with a proposal and an O item without', () => {
      const m = meeting('2026-03-12', [fine({ prefix: 20, types: ['B'], proposal: ['Det indstilles, at budgettet godkendes.'] }), fine({ prefix: 30, types: ['O'] })]);
      expect(lint(repo, [m])).toEqual([]);
    });
  });

  describe('plan-order', () => {
    const source = (dates: string[]) => `# Mødeplan\n${dates.map((d) => `- date: ${d}\n  place: Teams`).join('\n')}\n`;
    const run = (dates: string[]) =>
      lintRepository(repository({ plan: [...dates].sort().map((date) => ({ date })) }), [], {
        readSource: (f) => (f === 'meetings/plan.yaml' ? source(dates) : undefined),
      });

    it('accepts dates in order', () => {
      expect(run(['2026-01-27', '2026-03-12', '2026-04-28', '2027-01-26'])).toEqual([]);
    });

    it('reports a date out of order at its line', () => {
      const found = run(['2026-01-27', '2026-03-12', '2025-04-28', '2026-06-02']);
      expect(found).toEqual([expect.objectContaining({ rule: 'lint/plan-order', file: 'meetings/plan.yaml', line: 6, severity: 'warning' })]);
      expect(found[0]!.message).toContain('2025-04-28 comes after 2026-03-12');
    });

    it('reports a gap of more than a year as a likely year typo', () => {
      const found = run(['2025-04-18', '2025-05-16', '2026-06-19', '2026-08-22']);
      expect(found).toEqual([expect.objectContaining({ rule: 'lint/plan-order', line: 6 })]);
      expect(found[0]!.message).toContain('2026-06-19 comes 399 days after 2025-05-16');
    });

    it('is left out when only some meetings are linted', () => {
      expect(
        lintRepository(repository(), [], { dates: ['2026-01-27'], readSource: (f) => (f === 'meetings/plan.yaml' ? source(['2026-03-12', '2025-01-01']) : undefined) }),
      ).toEqual([]);
    });
  });

  describe('stale-followup', () => {
    const dates = ['2026-01-27', '2026-02-24', '2026-03-12', '2026-04-28', '2026-06-02'];
    const repo = repository({ meetingDates: dates });
    const at = (date: string, update?: string) =>
      meeting(date, [approval([point('vagtplan', '2026-01-27', update === undefined ? {} : { update })], { minutes: 'Godkendt.' })], {
        status: 'approved',
      });

    it('reports a point carried to more than 3 meetings without an update, at the latest meeting', () => {
      const file = 'meetings/2026-06-02/30-godkendelse-af-referat.md';
      const found = lintRepository(repo, dates.slice(1).map((d) => at(d)), {
        readSource: (f) => (f === file ? '---\ntitle: Godkendelse\ncarried:\n  - id: vagtplan\n    title: Vagtplan\n' : undefined),
      });
      expect(found).toEqual([expect.objectContaining({ rule: 'lint/stale-followup', file, line: 4, field: 'carried[0]' })]);
      expect(found[0]!.message).toContain('carried to 4 meetings without an update since it was agreed on 27.01.2026');
    });

    it('counts from the last update', () => {
      const history = [at('2026-02-24'), at('2026-03-12', 'Udkast sendt.'), at('2026-04-28'), at('2026-06-02')];
      expect(lint(repo, history)).toEqual([]);
      expect(rules(lint(repo, history, { staleAfter: 1 }))).toEqual(['lint/stale-followup']);
    });

    it('accepts 3 meetings, and a closed point', () => {
      expect(lint(repository({ meetingDates: dates.slice(0, 4) }), dates.slice(1, 4).map((d) => at(d)))).toEqual([]);
      const closed = meeting('2026-06-02', [approval([point('vagtplan', '2026-01-27', { status: 'closed' })], { minutes: 'Godkendt.' })]);
      expect(lint(repo, [closed])).toEqual([]);
    });
  });
});
