import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMeeting, refreshCarried } from '../../src/edit/index.js';
import { replaceCarriedInFile } from '../../src/edit/carry.js';
import { findRepository, validateRepository } from '../../src/load/index.js';
import { makeRepo, writeFiles } from '../helpers/temp-repo.js';
import { CARRIED_DATABEHANDLER, CARRIED_VENTETID, FIRST_APPROVAL, FIRST_KPI, errorText, repoWithFirstMeeting } from './fixture.js';

const APPROVAL = 'meetings/2026-03-12/30-godkendelse-af-referat-og-opfoelgning.md';

/** The successor's approval item as the secretariat wrote it: comments, odd spacing and an introduction around `carried`. */
const secretariatApproval = (carried: string): string => `---
# Godkendelse – skrevet af sekretariatet
title: Godkendelse af referat og opfølgning
types: [ B ]        # mellemrum bevares

kind: approval
carried:
${carried}proposal: "Det indstilles, at referatet godkendes."
---

Sekretariatet har skrevet status – “før mødet”.

## Referat

`;

/** The point that stays through every refresh, with the status text the secretariat wrote for it. */
const VENTETID_WRITTEN = `${CARRIED_VENTETID}    update: >-
      Opgørelsen er
      vedlagt.
    status: open
`;

/** The successor's approval item after the secretariat wrote status text, comments and an introduction. */
const EDITED = secretariatApproval(`${CARRIED_DATABEHANDLER}    update: 'Aftalen er underskrevet.'   # opdateret 3. marts
    status: open

${VENTETID_WRITTEN}`);

/** EDITED after the previous meeting closed `databehandleraftaler` and agreed a new point. */
const REFRESHED = secretariatApproval(`${VENTETID_WRITTEN}  - id: chatbot-pilotkommuner
    title: Chatbot – pilotkommuner
    since: 2026-01-27
    owner: Ida Thorsen
    status: open
`);

/** A repository whose second meeting was created, then edited; then the first meeting's minutes changed. */
async function changedHistory(approvalText = EDITED): Promise<string> {
  const root = await makeRepo(repoWithFirstMeeting());
  await createMeeting(await findRepository(root), '2026-03-12');
  await writeFiles(root, {
    [APPROVAL]: approvalText,
    'meetings/2026-01-27/20-godkendelse.md': FIRST_APPROVAL.replace('    note: Tages op i marts.\n', '').replace('update: Udkast sendt.\n    status: open', 'update: Udkast sendt.\n    status: closed'),
    'meetings/2026-01-27/30-kpi.md': FIRST_KPI.replace('    due: 2026-03-12\n', '    due: 2026-03-12\n  - title: Chatbot – pilotkommuner\n    owner: Ida Thorsen\n'),
  });
  return root;
}

async function carry(root: string, date = '2026-03-12') {
  return refreshCarried(await findRepository(root), date);
}

describe('refreshCarried', () => {
  it('keeps text already written, lets points closed in the previous meeting leave and new ones arrive; nothing else changes', async () => {
    const root = await changedHistory();
    const before = await validateRepository(await findRepository(root));
    // Validate's own wording is the load stage's; here only that it names the point.
    const lost = before.diagnostics.filter((d) => d.rule === 'carry-lost');
    expect(lost).toHaveLength(1);
    expect(lost[0]?.message).toContain("'chatbot-pilotkommuner'");

    const result = await carry(root);
    expect(result).toEqual({ file: APPROVAL, added: ['chatbot-pilotkommuner'], removed: ['databehandleraftaler'], updated: [], kept: ['opgoerelse-af-ventetid'], changed: true });
    expect(await readFile(path.join(root, APPROVAL), 'utf8')).toBe(REFRESHED);
    const after = await validateRepository(await findRepository(root));
    expect(after.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('leaves the file untouched when the list is already right', async () => {
    const root = await changedHistory();
    await carry(root);
    const file = path.join(root, APPROVAL);
    const { ino, mtimeMs } = await stat(file);
    const result = await carry(root);
    expect(result).toEqual({ file: APPROVAL, added: [], removed: [], updated: [], kept: ['opgoerelse-af-ventetid', 'chatbot-pilotkommuner'], changed: false });
    expect(await readFile(file, 'utf8')).toBe(REFRESHED);
    expect(await stat(file)).toMatchObject({ ino, mtimeMs });
  });

  it('keeps a CRLF file CRLF and its BOM', async () => {
    const crlf = `\ufeff${EDITED.replace(/\n/g, '\r\n')}`;
    const root = await changedHistory(crlf);
    await carry(root);
    const bytes = await readFile(path.join(root, APPROVAL));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toBe(`\ufeff${REFRESHED.replace(/\n/g, '\r\n')}`);
  });

  it('keeps a point added by hand in the meeting', async () => {
    const handAdded = EDITED.replace(
      'proposal:',
      '  - id: ekstra\n    title: Ekstra punkt fra formanden\n    since: 2026-03-12\n    status: open\nproposal:',
    );
    const root = await changedHistory(handAdded);
    const result = await carry(root);
    expect(result.kept).toEqual(['opgoerelse-af-ventetid', 'ekstra']);
    const text = await readFile(path.join(root, APPROVAL), 'utf8');
    expect(text).toContain('    status: open\n  - id: ekstra\n    title: Ekstra punkt fra formanden\n    since: 2026-03-12\n    status: open\nproposal:');
  });

  it('keeps a comment on the carried: line when it fills the list', async () => {
    const root = await changedHistory(secretariatApproval('').replace('carried:\n', 'carried: []   # tom endnu\n'));
    expect(await carry(root)).toMatchObject({ added: ['opgoerelse-af-ventetid', 'chatbot-pilotkommuner'], changed: true });
    expect(await readFile(path.join(root, APPROVAL), 'utf8')).toBe(REFRESHED.replace('carried:\n', 'carried:   # tom endnu\n').replace(VENTETID_WRITTEN, `${CARRIED_VENTETID}    status: open\n`));
  });

  it('changes nothing for the first meeting', async () => {
    const root = await makeRepo(repoWithFirstMeeting());
    const before = await readFile(path.join(root, 'meetings/2026-01-27/20-godkendelse.md'));
    expect(await carry(root, '2026-01-27')).toMatchObject({ added: [], removed: [], changed: false });
    expect(await readFile(path.join(root, 'meetings/2026-01-27/20-godkendelse.md'))).toEqual(before);
  });

  it('says clearly when the meeting has no approval item', async () => {
    const root = await makeRepo({
      ...repoWithFirstMeeting(),
      'meetings/2026-03-12/meeting.yaml': 'date: 2026-03-12\n',
      'meetings/2026-03-12/10-velkomst.md': '---\ntitle: Velkomst\n---\n',
    });
    expect(await errorText(carry(root))).toBe(
      'meetings/2026-03-12/meeting.yaml:1:1  error  meetings/2026-03-12 has no approval item to carry the follow-up points into\n    hint: add `kind: approval` to the front matter of the item "Godkendelse af referat og opfølgning"',
    );
  });

  it('refuses when the previous meeting has errors, naming them, and writes nothing', async () => {
    const root = await changedHistory();
    await writeFile(path.join(root, 'meetings/2026-01-27/30-kpi.md'), '---\ntitle: KPI\nfollowups: ingen\n---\n');
    const message = await errorText(carry(root));
    expect(message.split('\n').slice(0, 2)).toEqual([
      'ddh  error  the previous meeting 2026-01-27 has errors, so its open follow-up points cannot be carried into 2026-03-12',
      '    hint: fix the problems below (ddh validate 2026-01-27), then run: ddh carry 2026-03-12',
    ]);
    expect(message).toContain('meetings/2026-01-27/30-kpi.md:3');
    expect(await readFile(path.join(root, APPROVAL), 'utf8')).toBe(EDITED);
  });

  it('refuses when the meeting itself has errors', async () => {
    const root = await changedHistory(EDITED.replace('status: open\n\n', 'status: åben\n\n'));
    const message = await errorText(carry(root));
    expect(message.split('\n')[0]).toBe('ddh  error  meetings/2026-03-12 has errors, so its carried follow-up points cannot be refreshed');
    expect(message).toContain(`${APPROVAL}:13`);
  });

  it('refuses a meeting that does not exist', async () => {
    const root = await makeRepo(repoWithFirstMeeting());
    expect(await errorText(carry(root, '2026-03-12'))).toBe(
      'ddh  error  there is no meeting folder meetings/2026-03-12\n    hint: create it with: ddh new-meeting 2026-03-12',
    );
  });
});

describe('refreshCarried when the previous meeting changes a point it hands on', () => {
  const BUDGET = (owners: string[]) =>
    `---\ntitle: Budget\nfollowups:\n${owners.map((o) => `  - title: Budget for chatbot 2027\n    owner: ${o}\n`).join('')}---\n`;

  /** The first meeting agrees two budget points (Ida's, then Bo's); the second is created and Bo's gets an update. */
  async function twoBudgetPoints(): Promise<string> {
    const root = await makeRepo({ ...repoWithFirstMeeting(), 'meetings/2026-01-27/40-budget.md': BUDGET(['Ida Thorsen', 'Bo Lund']) });
    await createMeeting(await findRepository(root), '2026-03-12');
    const file = path.join(root, APPROVAL);
    const created = await readFile(file, 'utf8');
    const withUpdate = created.replace(
      '    owner: Bo Lund\n    status: open\n',
      '    owner: Bo Lund\n    update: Tal fra økonomi er på vej.   # skrevet af Bo\n    status: open\n',
    );
    expect(withUpdate).not.toBe(created);
    await writeFile(file, withUpdate);
    return root;
  }

  it('the reviewer’s case: Ida’s point deleted at the previous meeting; the id now names Bo’s, the orphan with text stays and validate warns', async () => {
    const root = await twoBudgetPoints();
    await writeFile(path.join(root, 'meetings/2026-01-27/40-budget.md'), BUDGET(['Bo Lund']));
    const result = await carry(root);
    expect(result).toMatchObject({ added: [], removed: [], updated: ['budget-for-chatbot-2027'], changed: true });
    expect(result.kept).toEqual(['databehandleraftaler', 'opgoerelse-af-ventetid', 'budget-for-chatbot-2027-2']);
    const text = await readFile(path.join(root, APPROVAL), 'utf8');
    // The id the previous meeting hands on takes its owner from there; the twin keeps its text, byte for byte.
    expect(text).toContain('  - id: budget-for-chatbot-2027\n    title: Budget for chatbot 2027\n    since: 2026-01-27\n    owner: Bo Lund\n    status: open\n');
    expect(text).toContain('    owner: Bo Lund\n    update: Tal fra økonomi er på vej.   # skrevet af Bo\n    status: open\n');
    expect(text).not.toContain('Ida Thorsen');

    const { diagnostics } = await validateRepository(await findRepository(root));
    const orphan = diagnostics.filter((d) => d.rule === 'carry-orphan');
    expect(orphan).toHaveLength(1);
    const lines = text.split('\n');
    expect(orphan[0]).toMatchObject({ file: APPROVAL, severity: 'warning', line: lines.indexOf('  - id: budget-for-chatbot-2027-2') + 1, field: 'carried[3]' });
    expect(orphan[0]?.message).toBe(
      "carried point 'budget-for-chatbot-2027-2' (Budget for chatbot 2027) is no longer handed on by 2026-01-27: it was closed, renamed or deleted there, and stays here only because text was written for it",
    );
    expect(orphan[0]?.hint).toContain('ddh carry 2026-03-12');
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('a changed owner, title and due date reach the next meeting; its update, status, note and comments stay', async () => {
    const root = await twoBudgetPoints();
    const file = path.join(root, APPROVAL);
    await writeFile(file, (await readFile(file, 'utf8')).replace('    update: Tal fra', '    # Bo svarer\n    note: Haster.\n    update: Tal fra'));
    // At the previous meeting: Bo's point goes to Camilla with a due date; a carried point is retitled and loses its owner.
    await writeFile(
      path.join(root, 'meetings/2026-01-27/40-budget.md'),
      BUDGET(['Ida Thorsen', 'Camilla Friis']).replace('owner: Camilla Friis\n', 'owner: Camilla Friis\n    due: 2026-06-30\n'),
    );
    await writeFile(
      path.join(root, 'meetings/2026-01-27/20-godkendelse.md'),
      FIRST_APPROVAL.replace('    title: Databehandleraftaler for chatbotten\n', '    title: "Databehandleraftaler: chatbot og telefoni"\n').replace('    owner: Sekretariatet\n', ''),
    );
    const before = await readFile(file, 'utf8');
    const result = await carry(root);
    expect(result).toMatchObject({ added: [], removed: [], updated: ['databehandleraftaler', 'budget-for-chatbot-2027-2'], changed: true });
    expect(await readFile(file, 'utf8')).toBe(
      before
        .replace('    title: Databehandleraftaler for chatbotten\n    since: 2025-12-04\n    owner: Sekretariatet\n', '    title: "Databehandleraftaler: chatbot og telefoni"\n    since: 2025-12-04\n')
        .replace('    owner: Bo Lund\n    # Bo svarer\n', '    owner: Camilla Friis\n    due: 2026-06-30\n    # Bo svarer\n'),
    );
    // Carrying again finds nothing to do.
    expect(await carry(root)).toMatchObject({ updated: [], changed: false });
  });
});

describe('replaceCarriedInFile', () => {
  const point = { id: 'ny', title: 'Ny', since: '2026-01-27', status: 'open' as const };

  it('keeps the body byte for byte, even with mixed line ends and text that looks like front matter', () => {
    const raw = '---\r\ntitle: T\r\nkind: approval\r\n---\r\nLinje 1\nLinje 2\r\n---\r\nikke: yaml\r';
    expect(replaceCarriedInFile(raw, 'x.md', [point])).toBe(
      '---\r\ntitle: T\r\nkind: approval\r\ncarried:\r\n  - id: ny\r\n    title: Ny\r\n    since: 2026-01-27\r\n    status: open\r\n---\r\nLinje 1\nLinje 2\r\n---\r\nikke: yaml\r',
    );
  });

  it('refuses a file without front matter', () => {
    expect(() => replaceCarriedInFile('title: T\n', 'x.md', [point])).toThrow('missing front matter');
  });
});
