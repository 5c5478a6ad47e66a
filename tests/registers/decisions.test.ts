import { describe, expect, it } from 'vitest';
import { decisionRegister } from '../../src/registers/decisions.js';
import { item, meeting } from '../helpers/meeting-builder.js';

const meetings = [
  meeting('2026-03-12', [
    item({ title: 'Velkomst' }),
    item({ title: 'Tilfredshedsundersøgelse', decision: 'Spørgeskemaet blev GODKENDT med to tilføjelser.' }),
    item({ title: 'Personalesag', decision: 'Drøftet; intet referat.', closed: true }),
  ]),
  meeting('2026-01-27', [
    item({ title: 'Vagtplan 2026', decision: '  Vagtplanen blev vedtaget.\n' }),
    item({ title: 'Eventuelt', decision: '   ' }),
  ]),
];

describe('decisionRegister', () => {
  it('lists every decision in date and item order with number, title and file', () => {
    expect(decisionRegister(meetings)).toEqual([
      { date: '2026-01-27', number: 1, title: 'Vagtplan 2026', decision: 'Vagtplanen blev vedtaget.', file: 'meetings/2026-01-27/10-punkt.md' },
      { date: '2026-03-12', number: 2, title: 'Tilfredshedsundersøgelse', decision: 'Spørgeskemaet blev GODKENDT med to tilføjelser.', file: 'meetings/2026-03-12/20-punkt.md' },
      { date: '2026-03-12', number: 3, title: 'Personalesag', decision: 'Drøftet; intet referat.', file: 'meetings/2026-03-12/30-punkt.md' },
    ]);
  });

  it('filters by date range, inclusive', () => {
    expect(decisionRegister(meetings, { from: '2026-03-12' }).map((r) => r.date)).toEqual(['2026-03-12', '2026-03-12']);
    expect(decisionRegister(meetings, { to: '2026-03-11' }).map((r) => r.date)).toEqual(['2026-01-27']);
    expect(decisionRegister(meetings, { from: '2026-01-28', to: '2026-03-11' })).toEqual([]);
  });

  it('greps title and decision ignoring case, æøå included, as plain text', () => {
    expect(decisionRegister(meetings, { grep: 'godkendt' }).map((r) => r.number)).toEqual([2]);
    expect(decisionRegister(meetings, { grep: 'SPØRGESKEMA' }).map((r) => r.number)).toEqual([2]);
    expect(decisionRegister(meetings, { grep: 'vagtplan 2026' }).map((r) => r.title)).toEqual(['Vagtplan 2026']);
    expect(decisionRegister(meetings, { grep: '.*' })).toEqual([]);
  });

  it('leaves out closed items when public', () => {
    expect(decisionRegister(meetings, { public: true }).map((r) => r.title)).toEqual(['Vagtplan 2026', 'Tilfredshedsundersøgelse']);
  });
});
