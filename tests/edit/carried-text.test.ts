import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { renderPoint, rewriteCarried } from '../../src/edit/carried-text.js';
import type { FollowUp } from '../../src/model.js';

const vagtplan: FollowUp = { id: 'vagtplan', title: 'Vagtplan for sommeren', since: '2026-01-27', status: 'open' };
const kpi: FollowUp = { id: 'kpi', title: 'KPI’er: ny opgørelse', since: '2026-01-27', owner: 'Sekretariatet', status: 'open' };
const chatbot: FollowUp = { id: 'chatbot', title: 'Chatbot – pilotforløb', since: '2026-03-12', status: 'open' };

const FRONT = `# Fast punkt
title: "Godkendelse af referat og opfølgning"   # titlen
types: [B]

kind: approval
carried:   # punkterne fra sidste møde
  # først det ældste
  - id: vagtplan
    title: Vagtplan for sommeren
    since: 2026-01-27
    update: 'Udkast sendt ud' # skrevet før mødet
    status: open

  - id: kpi
    title: "KPI’er: ny opgørelse"
    since: 2026-01-27
    owner: Sekretariatet
    status: open
# om indstillingen
proposal: |
  Det indstilles, at referatet godkendes.
`;

describe('rewriteCarried', () => {
  it('returns the text unchanged when the list is the same', () => {
    expect(rewriteCarried(FRONT, [vagtplan, kpi])).toBe(FRONT);
  });

  it('keeps the entries that stay byte for byte, adds new ones and removes leaving ones', () => {
    const out = rewriteCarried(FRONT, [kpi, chatbot]);
    expect(out).toBe(`# Fast punkt
title: "Godkendelse af referat og opfølgning"   # titlen
types: [B]

kind: approval
carried:   # punkterne fra sidste møde
  # først det ældste
  - id: kpi
    title: "KPI’er: ny opgørelse"
    since: 2026-01-27
    owner: Sekretariatet
    status: open
  - id: chatbot
    title: Chatbot – pilotforløb
    since: 2026-03-12
    status: open
# om indstillingen
proposal: |
  Det indstilles, at referatet godkendes.
`);
  });

  it('keeps an entry’s comment and blank line when it moves', () => {
    const out = rewriteCarried(FRONT, [vagtplan, chatbot, kpi]);
    expect(out).toContain(`    status: open
  - id: chatbot
    title: Chatbot – pilotforløb
    since: 2026-03-12
    status: open

  - id: kpi
`);
    expect(out).toContain(`update: 'Udkast sendt ud' # skrevet før mødet`);
    expect((parse(out) as { carried: FollowUp[] }).carried.map((p) => p.id)).toEqual(['vagtplan', 'chatbot', 'kpi']);
  });

  it('writes an empty list as [] and keeps the rest, the comments on and under the key included', () => {
    const out = rewriteCarried(FRONT, []);
    expect(out).toBe(`# Fast punkt
title: "Godkendelse af referat og opfølgning"   # titlen
types: [B]

kind: approval
carried: []   # punkterne fra sidste møde
  # først det ældste
# om indstillingen
proposal: |
  Det indstilles, at referatet godkendes.
`);
  });

  it('fills an empty or missing list', () => {
    const ENTRY = '  - id: chatbot\n    title: Chatbot – pilotforløb\n    since: 2026-03-12\n    status: open\n';
    const empty = 'title: Godkendelse\nkind: approval\ncarried: []  # ingen endnu\nproposal: Godkendes.\n';
    expect(rewriteCarried(empty, [chatbot])).toBe(`title: Godkendelse\nkind: approval\ncarried:  # ingen endnu\n${ENTRY}proposal: Godkendes.\n`);
    const bare = 'title: Godkendelse\ncarried:\nkind: approval\n';
    expect(rewriteCarried(bare, [chatbot])).toBe(`title: Godkendelse\ncarried:\n${ENTRY}kind: approval\n`);
    const commented = 'carried:\n# kommentar\nkind: approval\n';
    expect(rewriteCarried(commented, [chatbot])).toBe(`carried:\n${ENTRY}# kommentar\nkind: approval\n`);
    const missing = 'title: Godkendelse\nkind: approval';
    expect(rewriteCarried(missing, [chatbot])).toBe(`title: Godkendelse\nkind: approval\ncarried:\n${ENTRY}`);
  });

  it('keeps the comment on the carried: line whatever the list becomes', () => {
    const written = (value: string) => `title: Godkendelse\ncarried:${value}\nproposal: Godkendes.\n`;
    const ENTRY = '\n  - id: chatbot\n    title: Chatbot – pilotforløb\n    since: 2026-03-12\n    status: open';
    // Empty as [] or as nothing, filled, and emptied again.
    expect(rewriteCarried(written(' []   # tom endnu'), [chatbot])).toBe(written(`   # tom endnu${ENTRY}`));
    expect(rewriteCarried(written('   # tom endnu'), [chatbot])).toBe(written(`   # tom endnu${ENTRY}`));
    expect(rewriteCarried(written('   # tom endnu'), [])).toBe(written(' []   # tom endnu'));
    expect(rewriteCarried(written(`   # tom endnu${ENTRY}`), [])).toBe(written(' []   # tom endnu'));
    expect(rewriteCarried(written(' [ ]# tom'), [])).toBe(written(' [] # tom'));
    // A # inside a value on that line is no comment.
    expect(rewriteCarried(written(' ["#1"]'), [])).toBe(written(' []'));
  });

  it('follows a list written without indentation under its key', () => {
    const flat = 'kind: approval\ncarried:\n- id: vagtplan\n  title: Vagtplan for sommeren\n  since: 2026-01-27\n  status: open\n';
    const out = rewriteCarried(flat, [vagtplan, chatbot]);
    expect(out).toBe(`${flat}- id: chatbot\n  title: Chatbot – pilotforløb\n  since: 2026-03-12\n  status: open\n`);
  });

  it('replaces a first entry that leaves without losing the comment above the list', () => {
    const out = rewriteCarried(FRONT, [chatbot]);
    expect(out).toContain('carried:   # punkterne fra sidste møde\n  # først det ældste\n  - id: chatbot\n');
    expect(out).not.toContain('vagtplan');
  });
});

describe('renderPoint', () => {
  it('quotes what YAML would misread and keeps multi-line text inside the entry', () => {
    const text = renderPoint({ id: 'a', title: '0800: tid', since: '2026-01-27', update: 'Linje 1\nLinje 2', status: 'open' }, 4);
    expect(text).toBe('    - id: a\n      title: "0800: tid"\n      since: 2026-01-27\n      update: |-\n        Linje 1\n        Linje 2\n      status: open\n');
    expect(parse(`x:\n${text}`)).toEqual({ x: [{ id: 'a', title: '0800: tid', since: '2026-01-27', update: 'Linje 1\nLinje 2', status: 'open' }] });
  });
});

describe('rewriteCarried on an entry the previous meeting changed', () => {
  const entry = `carried:
  - id: kpi   # fra januar
    title: 'KPI’er: ny opgørelse'   # titlen
    since: 2026-01-27
    # ansvarlig
    owner: Sekretariatet
    update: >-
      Tallene kommer
      i næste uge.
    status: open
    note: Tages op igen.
proposal: Godkendes.
`;

  it('sets only the values that differ, in the quoting they had, and keeps update, status, note and comments', () => {
    const out = rewriteCarried(entry, [{ ...kpi, title: 'KPI’er: opgørelse for 2026', owner: 'Ida Thorsen', status: 'open', update: 'x', note: 'y' }]);
    expect(out).toBe(entry.replace("'KPI’er: ny opgørelse'", "'KPI’er: opgørelse for 2026'").replace('owner: Sekretariatet', 'owner: Ida Thorsen'));
  });

  it('adds a due date after the owner, removes an owner that is gone, and quotes what YAML would misread', () => {
    const out = rewriteCarried(entry, [{ ...kpi, title: '2027', owner: undefined, due: '2026-06-30' } as FollowUp]);
    expect(out).toBe(`carried:
  - id: kpi   # fra januar
    title: '2027'   # titlen
    since: 2026-01-27
    due: 2026-06-30
    update: >-
      Tallene kommer
      i næste uge.
    status: open
    note: Tages op igen.
proposal: Godkendes.
`);
    const plainTitle = rewriteCarried(entry.replace("'KPI’er: ny opgørelse'", 'KPI'), [{ ...kpi, title: 'ja: nej' }]);
    expect((parse(plainTitle) as { carried: FollowUp[] }).carried[0]).toMatchObject({ title: 'ja: nej', owner: 'Sekretariatet', update: 'Tallene kommer i næste uge.' });
  });

  it('writes an entry anew when it cannot be edited in place, keeping its text', () => {
    const ownerFirst = 'carried:\n  - owner: Sekretariatet\n    id: kpi\n    title: KPI\n    since: 2026-01-27\n    update: I gang.\n    status: open\n';
    expect(rewriteCarried(ownerFirst, [{ ...kpi, title: 'KPI', owner: undefined, update: 'I gang.' } as FollowUp])).toBe(
      'carried:\n  - id: kpi\n    title: KPI\n    since: 2026-01-27\n    update: I gang.\n    status: open\n',
    );
  });
});
