import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { itemFileName, newMeetingFiles, renderItemFile, renderMeetingYaml } from '../../src/edit/meeting-files.js';
import type { FollowUp, StandingItem } from '../../src/model.js';

const approval: StandingItem = { title: 'Godkendelse af referat og opfølgning', types: ['B'], kind: 'approval', proposal: 'Det indstilles, at referatet godkendes.' };
const point: FollowUp = { id: 'vagtplan', title: 'Vagtplan: sommer 2026', since: '2026-01-27', owner: 'Sekretariatet', status: 'open' };

describe('renderMeetingYaml', () => {
  it('writes the known facts and comments out the rest', () => {
    const text = renderMeetingYaml({ date: '2026-04-28', kind: 'styregruppemøde', time: '10:00-14:00', place: 'Teams', host: 'Kolding Kommune' });
    expect(text).toBe(`# Mødets egne oplysninger. Nøglerne er beskrevet i README.md.
date: 2026-04-28
kind: styregruppemøde
time: "10:00-14:00"             # mødetid
place: Teams                    # mødested
host: Kolding Kommune           # vært
status: draft                   # sæt til approved, når referatet er godkendt
# issued: 2026-04-28            # udsendelsesdato, trykkes øverst på dagsordenen
# chair: Fornavn Efternavn      # mødeleder
# attachments_url: https://…    # hvor bilagene til punkterne ligger
# absent:                       # afbud: "Navn, Kommune" eller blot navnet fra members.yaml
#   - Fornavn Efternavn, Kommune
# remote:                       # deltog via Teams
#   - Fornavn Efternavn, Kommune
`);
    expect(parse(text)).toEqual({ date: '2026-04-28', kind: 'styregruppemøde', time: '10:00-14:00', place: 'Teams', host: 'Kolding Kommune', status: 'draft' });
  });

  it('keeps a long value apart from its comment', () => {
    const text = renderMeetingYaml({ date: '2026-05-21', kind: 'repræsentantskabsmøde', place: 'Vejle Rådhus, byrådssalen', host: 'Vejle Kommune' });
    expect(text).toContain('\nplace: Vejle Rådhus, byrådssalen # mødested\n');
    expect(parse(text)).toMatchObject({ place: 'Vejle Rådhus, byrådssalen', host: 'Vejle Kommune' });
  });

  it('leaves unknown facts as commented examples and quotes what YAML would misread', () => {
    const text = renderMeetingYaml({ date: '2026-05-05', kind: 'styregruppemøde', place: 'Rådhuset: mødelokale 2' });
    expect(text).toContain('# time: "10:00-14:00"           # mødetid\n');
    expect(text).toContain('# host: Kommunenavn             # vært\n');
    expect(parse(text)).toEqual({ date: '2026-05-05', kind: 'styregruppemøde', place: 'Rådhuset: mødelokale 2', status: 'draft' });
  });
});

describe('item files', () => {
  it('names files by prefix and slug', () => {
    expect(itemFileName(30, 2, 'Godkendelse af referat og opfølgning')).toBe('30-godkendelse-af-referat-og-opfoelgning.md');
    expect(itemFileName(30, 3, 'KPI’er – status')).toBe('030-kpi-er-status.md');
  });

  it('writes an approval item with the carried points, and the Referat heading', () => {
    expect(renderItemFile(approval, [point])).toBe(`---
title: Godkendelse af referat og opfølgning
types: [B]
proposal: Det indstilles, at referatet godkendes.
kind: approval
carried:
  - id: vagtplan
    title: "Vagtplan: sommer 2026"
    since: 2026-01-27
    owner: Sekretariatet
    status: open
---

## Referat

`);
    expect(renderItemFile(approval, [])).toContain('kind: approval\ncarried: []\n---\n');
  });

  it('writes an ordinary item without carried points', () => {
    expect(renderItemFile({ title: 'Velkomst', presenter: 'Mødeleder', types: ['O', 'D'], proposal: ['Punkt ét', 'Punkt to'] }, [point])).toBe(
      '---\ntitle: Velkomst\ntypes: [O, D]\npresenter: Mødeleder\nproposal:\n  - Punkt ét\n  - Punkt to\n---\n\n## Referat\n\n',
    );
  });

  it('numbers the standing items 10, 20, 30 after meeting.yaml', () => {
    const files = newMeetingFiles({ date: '2026-04-28', kind: 'styregruppemøde' }, [{ title: 'Velkomst' }, approval, { title: 'Eventuelt' }], [point]);
    expect(files.map((f) => f.name)).toEqual(['meeting.yaml', '10-velkomst.md', '20-godkendelse-af-referat-og-opfoelgning.md', '30-eventuelt.md']);
    expect(files[2]?.text).toContain('  - id: vagtplan\n');
    expect(files[1]?.text).not.toContain('carried');
  });

  it('widens the prefixes when there are ten items or more', () => {
    const items = Array.from({ length: 10 }, (_, i) => ({ title: `Punkt ${i + 1}` }));
    const names = newMeetingFiles({ date: '2026-04-28', kind: 'styregruppemøde' }, items, []).map((f) => f.name);
    expect(names.slice(1, 3)).toEqual(['010-punkt-1.md', '020-punkt-2.md']);
    expect(names.at(-1)).toBe('100-punkt-10.md');
  });
});
