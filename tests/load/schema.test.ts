// Every field of every schema, valid and invalid, checked through the same path the loader takes.

import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics.js';
import type { SchemaName } from '../../src/load/schema.js';
import { nearest, SCHEMA_NAMES } from '../../src/load/schema.js';
import { checkYaml } from '../../src/load/yaml-file.js';
import { formatField } from '../../src/load/yaml.js';
import { PROJECT_ROOT } from '../helpers/cli.js';
import { allSchemaFields } from '../helpers/schema-fields.js';

/** Findings for `yaml` as `line:col message`, without hints. */
function check(schema: SchemaName, yaml: string): string[] {
  return checkYaml(yaml, 'f.yaml', schema).diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`);
}

const valid: [SchemaName, string][] = [
  ['ddh', 'organisation: Solby Netværk\nshort: SN\n'],
  ['ddh', 'kinds:\n  styregruppemøde: Styregruppemøde\n  temamøde: Temamøde\n'],
  ['ddh', 'tracks:\n  ai: SN AI\n  drift: Drift\n'],
  ['ddh', 'standing_items:\n  - title: Velkomst\n  - title: Godkendelse\n    types: [B]\n    presenter: Formanden\n    proposal: Godkendes.\n    kind: approval\n  - title: Flere\n    proposal: [a, b]\n'],
  ['ddh', 'files:\n  agenda: "{short}-dagsorden_{date}"\n  minutes: "{short}-referat_{iso}"\n  pack: "{kind}-bilag"\n'],
  ['ddh', 'style:\n  font: Calibri\n  logo: logo.png\n  colour: 1f4e79\n'],
  ['plan', '- date: 2025-03-04\n  kind: styregruppemøde\n  place: Teams\n  host: Solby Kommune\n  time: "10:00-12:00"\n- date: 2025-05-06\n'],
  ['members', '- name: Anne Bech\n  org: Solby Kommune\n  role: formand\n- name: Bo Holm\n  org: Åby Kommune\n'],
  ['meeting', 'date: 2025-01-28\nkind: styregruppemøde\ntime: 10:00-14:00\nplace: Rådhuset\nhost: Solby Kommune\nissued: 2025-01-14\nchair: Anne Bech\nattachments_url: https://example.org/bilag\nabsent: ["Bo Holm, Åby Kommune", {name: Eva Lund, org: Solby}]\nremote: [Eva Lund]\nguests: [{name: Gæst}]\nstatus: approved\n'],
  ['item', 'title: Budget\ntypes: [D, O, B]\npresenter: Anne Bech\nattachments:\n  - Oversigt\n  - {title: Budget, file: bilag/budget.pdf}\n  - {title: Side, url: "https://example.org/x"}\nproposal: Godkendes.\ndecision: Godkendt.\nsubitems:\n  - title: Drift\n    types: [O]\n    presenter: Bo\nfollowups:\n  - title: Ny plan\n    owner: Eva\n    due: 2025-03-01\ntrack: ai\nclosed: true\nkind: approval\ncarried:\n  - id: vagtplan-2026\n    title: Vagtplan\n    since: 2024-12-05\n    owner: Bo\n    due: 2025-02-01\n    update: I gang.\n    status: open\n    note: Tages op igen i maj.\n'],
  ['item', 'title: Kort\nproposal: [Punkt et, Punkt to]\n'],
];

describe('schemas accept every field', () => {
  test.each(valid)('%s: %j', (schema, yaml) => {
    expect(check(schema, yaml)).toEqual([]);
  });
});

const invalid: [SchemaName, string, string[]][] = [
  ['ddh', 'organisation: [x]\n', ['1:15 organisation must be text']],
  ['ddh', 'short: ""\n', ['1:8 short must not be empty']],
  ['ddh', 'kinds: [a]\n', ['1:8 kinds must be a mapping (key: value lines)']],
  ['ddh', 'tracks:\n  ai: [x]\n', ['2:7 tracks.ai must be text']],
  ['ddh', 'standing_items:\n  - types: [X]\n', ['2:5 standing_items[0].title is required', '2:13 standing_items[0].types[0] must be one of O, D, B']],
  ['ddh', 'standing_items:\n  - title: A\n    kind: special\n', ['3:11 standing_items[0].kind must be one of item, approval']],
  ['ddh', 'files:\n  agenda: a/b\n  pdf: x\n', ['2:11 files.agenda must not contain / \\ : * ? " < > |', '3:3 files.pdf is not a known key']],
  ['ddh', 'style:\n  colour: "#1F4E79"\n  font: 12\n', ['2:11 style.colour must be six hexadecimal digits without #, e.g. 1F4E79']],
  ['ddh', 'style:\n  logo: true\n', ['2:9 style.logo must be text']],
  ['ddh', 'organization: X\n', ['1:1 organization is not a known key']],
  ['plan', '- place: Teams\n', ['1:3 [0].date is required']],
  ['plan', '- date: 2025-13-01\n  where: x\n', ['2:3 [0].where is not a known key', '1:9 [0].date 2025-13-01 is not a day in the calendar']],
  ['plan', '- date: 25-1-1\n  time: [10]\n', ['1:9 [0].date must be a date written YYYY-MM-DD, e.g. 2025-01-28', '2:9 [0].time must be text']],
  ['plan', '- date: 2025-01-01\n  kind: [x]\n  place: {}\n  host: ""\n', ['2:9 [0].kind must be text', '3:10 [0].place must be text', '4:9 [0].host must not be empty']],
  ['members', '- name: Anne\n', ['1:3 [0].org is required']],
  ['members', '- {name: Anne, org: X, role: [a]}\n', ['1:30 [0].role must be text']],
  ['meeting', 'place: Teams\n', ['1:1 date is required']],
  ['meeting', 'date: 2025-01-28\nkind: [x]\ntime: [x]\nplace: [x]\nhost: [x]\nchair: [x]\n', ['2:7 kind must be text', '3:7 time must be text', '4:8 place must be text', '5:7 host must be text', '6:8 chair must be text']],
  ['meeting', 'date: 2025-01-28\nissued: 2025-1-14\n', ['2:9 issued must be a date written YYYY-MM-DD, e.g. 2025-01-28']],
  ['meeting', 'date: 2025-01-28\nattachments_url: ftp://x\n', ['2:18 attachments_url must be a web address starting with https://']],
  ['meeting', 'date: 2025-01-28\nabsent: Anne\n', ['2:9 absent must be a list']],
  ['meeting', 'date: 2025-01-28\nremote: [{org: X}]\nguests: [[x]]\n', ['2:10 remote[0].name is required', '3:10 guests[0] must be text or a mapping (key: value lines)']],
  ['meeting', 'date: 2025-01-28\nstatus: godkendt\n', ['2:9 status must be one of draft, approved']],
  ['item', 'types: [O]\n', ['1:1 title is required']],
  ['item', 'title: ""\n', ['1:8 title must not be empty']],
  ['item', 'title: A\ntypes: [O, X, O]\n', ['2:12 types[1] must be one of O, D, B', '2:15 types[2] repeats "O"']],
  ['item', 'title: A\ntypes: O\n', ['2:8 types must be a list']],
  ['item', 'title: A\npresenter: [a]\n', ['2:12 presenter must be text']],
  ['item', 'title: A\nattachments:\n  - {file: x.pdf}\n  - {title: B, fil: x.pdf}\n  - {title: C, url: x}\n', ['3:5 attachments[0].title is required', '4:16 attachments[1].fil is not a known key', '5:21 attachments[2].url must be a web address starting with https://']],
  ['item', 'title: A\nproposal: {a: 1}\n', ['2:11 proposal must be text or a list']],
  ['item', 'title: A\nproposal: [a, [b]]\n', ['2:15 proposal[1] must be text']],
  ['item', 'title: A\ndecision: [x]\n', ['2:11 decision must be text']],
  ['item', 'title: A\nsubitems:\n  - title: B\n    types: [Q]\n    presenters: x\n', ['5:5 subitems[0].presenters is not a known key', '4:13 subitems[0].types[0] must be one of O, D, B']],
  ['item', 'title: A\nfollowups:\n  - owner: Bo\n    due: 2025-02-30\n', ['3:5 followups[0].title is required', '4:10 followups[0].due 2025-02-30 is not a day in the calendar']],
  ['item', 'title: A\ntrack: [ai]\n', ['2:8 track must be text']],
  ['item', 'title: A\nclosed: ja\n', ['2:9 closed must be true or false']],
  ['item', 'title: A\nkind: godkendelse\n', ['2:7 kind must be one of item, approval']],
  ['item', 'title: A\ncarried:\n  - id: Ny Plan\n    title: x\n    since: 2024-12-05\n    status: lukket\n', ['3:9 carried[0].id must be lowercase letters, digits and single hyphens, e.g. vagtplan-for-2026', '6:13 carried[0].status must be one of open, closed']],
  ['item', 'title: A\ncarried:\n  - id: a\n    title: x\n    since: 2024-12-05\n', ['3:5 carried[0].status is required']],
  ['item', 'title: A\ncarried:\n  - {id: a, title: x, since: 2024-02-30, status: open, due: 2024-1-1, update: [x], note: [y], owner: [z]}\n', ['3:30 carried[0].since 2024-02-30 is not a day in the calendar', '3:61 carried[0].due must be a date written YYYY-MM-DD, e.g. 2025-01-28', '3:79 carried[0].update must be text', '3:90 carried[0].note must be text', '3:102 carried[0].owner must be text']],
  ['item', 'title: true\n', ['1:8 title must be text']],
];

describe('schemas reject wrong values with a positioned message', () => {
  test.each(invalid)('%s: %j', (schema, yaml, expected) => {
    expect(check(schema, yaml).sort()).toEqual([...expected].sort());
  });
});

// Read from the schema files, so that a field added there is checked here without a line of this file changing.
const FIELDS = allSchemaFields();

describe('every field the schemas declare, read from schema/', () => {
  test('every schema file is walked, and the walk reaches nested fields', () => {
    const files = readdirSync(`${PROJECT_ROOT}/schema`).filter((f) => f.endsWith('.schema.json'));
    expect(files.map((f) => f.replace('.schema.json', '')).sort()).toEqual([...SCHEMA_NAMES].sort());
    const names = FIELDS.map((f) => `${f.schema} ${formatField(f.path)}`);
    for (const nested of ['ddh kinds.nøgle', 'ddh standing_items[0].types[0]', 'plan [0].date', 'members [0].role', 'meeting absent[0].org', 'item attachments[0].url', 'item carried[0].note', 'item subitems[0].presenter']) {
      expect(names).toContain(nested);
    }
  });

  test.each(FIELDS.map((f) => [f.schema, formatField(f.path), f]))('%s %s: a valid value passes', (schema, _, field) => {
    expect(checkYaml(field.valid, 'f.yaml', schema).diagnostics).toEqual([]);
  });

  test.each(FIELDS.map((f) => [f.schema, formatField(f.path), f.fault, f]))('%s %s: a value with the wrong %s fails, naming the field and its line', (schema, name, _, field) => {
    const errors = checkYaml(field.invalid, 'f.yaml', schema).diagnostics.filter((d) => d.severity === 'error');
    const line = field.invalid.split('\n').findIndex((l) => l.includes(field.mark)) + 1;
    expect(errors.map((d) => ({ field: d.field, line: d.line }))).toEqual([{ field: name, line }]);
    expect(errors[0]?.message.startsWith(name)).toBe(true);
  });
});

describe('messages for the secretariat', () => {
  test('an unknown key suggests the nearest valid one and lists the allowed keys', () => {
    const [d] = checkYaml('title: A\npresentor: Bo\n', 'meetings/2025-01-28/04-kpi.md', 'item', 2).diagnostics;
    expect(formatDiagnostic(d!)).toMatchInlineSnapshot(`
      "meetings/2025-01-28/04-kpi.md:3:1  error  presentor is not a known key
          hint: did you mean 'presenter'? allowed keys: title, types, presenter, attachments, proposal, decision, subitems, followups, track, closed, kind, carried"
    `);
  });

  test('a value YAML reads as true/false in a text field gets a hint to quote it', () => {
    const [d] = checkYaml('title: true\n', 'f.md', 'item').diagnostics;
    expect(d?.hint).toBe('put the value in quotes: "true"');
  });

  test('the style of the design: field, then what it must be', () => {
    const [d] = checkYaml('title: A\ntypes: [O, X]\n', 'meetings/2025-01-28/04-kpi.md', 'item', 2).diagnostics;
    expect(formatDiagnostic(d!)).toBe('meetings/2025-01-28/04-kpi.md:3:12  error  types[1] must be one of O, D, B');
    expect(d?.field).toBe('types[1]');
  });

  test('nearest suggests only likely typos', () => {
    expect(nearest('atachments', ['attachments', 'title'])).toBe('attachments');
    expect(nearest('Title', ['attachments', 'title'])).toBe('title');
    expect(nearest('zzz', ['attachments', 'title'])).toBeUndefined();
  });
});
