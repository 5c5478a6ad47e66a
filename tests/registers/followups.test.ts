import { describe, expect, it } from 'vitest';
import { followUpRegister } from '../../src/registers/followups.js';
import { approval, item, meeting, point } from '../helpers/meeting-builder.js';

const M1 = meeting('2026-01-27', [
  approval([]),
  item({
    prefix: 40,
    followups: [
      { title: 'Vagtplan for 2026', owner: 'Sekretariatet', due: '2026-03-01' },
      { title: 'Ny hjemmeside' },
    ],
  }),
]);
const M2 = meeting('2026-03-12', [
  approval([
    point('vagtplan-for-2026', '2026-01-27', { title: 'Vagtplan for 2026', owner: 'Sekretariatet', due: '2026-03-01', update: 'Udkast sendt i høring.' }),
    point('ny-hjemmeside', '2026-01-27', { title: 'Ny hjemmeside', status: 'closed' }),
  ]),
  item({ prefix: 50, followups: [{ title: 'Budget 2027', owner: 'Formanden', due: '2026-12-01' }] }),
]);
const M3 = meeting('2026-04-28', [
  approval([
    point('vagtplan-for-2026', '2026-01-27', { title: 'Vagtplan for 2026', owner: 'Sekretariatet', due: '2026-03-01' }),
    point('budget-2027', '2026-03-12', { title: 'Budget 2027', owner: 'Formanden', due: '2026-12-01' }),
  ]),
]);

describe('followUpRegister', () => {
  it('lists the points open after the latest meeting with age, owner, overdue and last update', () => {
    const rows = followUpRegister([M3, M1, M2], { asOf: '2026-04-20' });
    expect(rows).toEqual([
      {
        id: 'vagtplan-for-2026',
        title: 'Vagtplan for 2026',
        owner: 'Sekretariatet',
        since: '2026-01-27',
        due: '2026-03-01',
        ageMeetings: 2,
        ageDays: 83,
        overdue: true,
        lastUpdate: '2026-03-12',
        status: 'open',
      },
      {
        id: 'budget-2027',
        title: 'Budget 2027',
        owner: 'Formanden',
        since: '2026-03-12',
        due: '2026-12-01',
        ageMeetings: 1,
        ageDays: 39,
        overdue: false,
        status: 'open',
      },
    ]);
  });

  it('counts new points of the latest meeting with age 0 meetings', () => {
    const rows = followUpRegister([M1], { asOf: '2026-01-27' });
    expect(rows.map((r) => [r.id, r.ageMeetings, r.ageDays, r.overdue])).toEqual([
      ['vagtplan-for-2026', 0, 0, false],
      ['ny-hjemmeside', 0, 0, false],
    ]);
  });

  it('is not overdue on the due date itself', () => {
    const [first] = followUpRegister([M1, M2, M3], { asOf: '2026-03-01' });
    expect(first?.overdue).toBe(false);
  });

  it('with all, adds the closed points with the meeting that closed them', () => {
    const rows = followUpRegister([M1, M2, M3], { all: true, asOf: '2026-04-20' });
    expect(rows.map((r) => r.id)).toEqual(['vagtplan-for-2026', 'budget-2027', 'ny-hjemmeside']);
    expect(rows[2]).toMatchObject({ status: 'closed', closedAt: '2026-03-12', ageMeetings: 1, ageDays: 44, overdue: false });
    expect(followUpRegister([M1, M2, M3], { asOf: '2026-04-20' }).some((r) => r.status === 'closed')).toBe(false);
  });

  it('gives nothing for no meetings', () => {
    expect(followUpRegister([], { asOf: '2026-04-20' })).toEqual([]);
  });
});
