import { describe, expect, test } from 'vitest';
import { DdhError } from '../../src/diagnostics.js';
import { parseMarkdown } from '../../src/markdown/index.js';
import { renderMarkdown } from '../../src/templates/index.js';
import { makeRepo } from '../helpers/temp-repo.js';
import { docText, headings } from '../markdown/doc-text.js';
import { item, meeting, repository } from '../helpers/meeting-builder.js';

const MEETING = meeting('2026-02-10', [item({ title: 'Velkomst', types: ['O'], minutes: 'Alle var mødt.' }), item({ title: 'Eventuelt {{#if x}}' })]);
const PLAN = [{ date: '2026-04-14', place: 'Teams' }];

async function renderIn(files: Record<string, string>, document: 'agenda' | 'minutes') {
  const repo = repository({ root: await makeRepo(files), plan: PLAN });
  return parseMarkdown(await renderMarkdown(repo, MEETING, { document }));
}

describe('a repository’s own templates', () => {
  test('replace the built-in template of the same name, and may use the built-in partials and helpers', async () => {
    const files = {
      'templates/agenda.md.hbs':
        '# Egen dagsorden for {{short}} den {{dateLong date}}\n\n{{#each items}}\n- Sag {{number}}: {{title}} {{typeCodes types}}\n{{/each}}\n\n{{> next-meetings}}\n',
    };
    const agenda = await renderIn(files, 'agenda');
    expect(headings(agenda)).toEqual(['1 Egen dagsorden for FBL den 10. februar 2026', '2 Næste styregruppemøder og repræsentantskabsmøder']);
    expect(docText(agenda)).toContain('Sag 2: Eventuelt {{#if x}}');
    const minutes = await renderIn(files, 'minutes');
    expect(headings(minutes)[0]).toBe('1 Referat FBL Styregruppemøde');
  });

  test('replace a partial everywhere it is used, and may add partials of their own', async () => {
    const files = {
      'templates/partials/header.md.hbs': '# {{title}}\n\n{{> sign}}\n\n',
      'templates/partials/sign.md.hbs': 'Udsendt af sekretariatet i {{organisation}}',
    };
    for (const document of ['agenda', 'minutes'] as const) {
      const doc = await renderIn(files, document);
      const text = docText(doc);
      expect(text).toContain('Udsendt af sekretariatet i Fælles Borgerlinje');
      expect(text).not.toContain('Mødedato:');
      expect(headings(doc)).toContain('2 Punkt 1: Velkomst (O)');
    }
  });

  test('a template that does not parse is an error naming the file', async () => {
    const attempt = renderIn({ 'templates/agenda.md.hbs': '# Titel\n\n{{#each items}}\n- {{title}}\n' }, 'agenda');
    await expect(attempt).rejects.toThrow(DdhError);
    await expect(attempt).rejects.toMatchObject({ diagnostics: [{ file: 'templates/agenda.md.hbs', rule: 'template' }] });
  });

  test('a field the view does not have is an error naming the partial and its line', async () => {
    const attempt = renderIn({ 'templates/partials/item.md.hbs': '## {{title}}\n\n {{nosuchfield}}\n' }, 'minutes');
    await expect(attempt).rejects.toMatchObject({
      diagnostics: [{ file: 'templates/partials/item.md.hbs', line: 3, column: 4, rule: 'template', message: "unknown field 'nosuchfield' in the template" }],
    });
  });
});
