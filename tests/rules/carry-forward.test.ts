// The carry rules: what a kept point takes from the previous meeting, which points stay only for their text, and when a point was last updated.

import { describe, expect, it } from 'vitest';
import { carryForward, lastUpdates, orphanedPoints, pointKey, pointsOfClosedItems, pointsOfOtherTracks, pointsOpenAfter } from '../../src/rules/carry-forward.js';
import { visiblePoints } from '../../src/rules/selection.js';
import * as build from '../helpers/meeting-builder.js';

const previous = build.meeting('2026-01-27', [
  build.approval([
    build.point('vagtplan', '2025-12-04', { title: 'Vagtplan for påsken', owner: 'Ida Thorsen', update: 'Sendt.', note: 'Fra januar.' }),
    build.point('lukket', '2025-12-04', { status: 'closed', update: 'Færdig.' }),
  ]),
  build.item({ followups: [{ title: 'Ny skiltning', due: '2026-04-01' }] }),
]);

describe('carryForward', () => {
  it('a kept point takes id, title, since, owner and due from the previous meeting, and update, status and note from this one', () => {
    const written = build.point('vagtplan', '2025-12-04', { title: 'Vagtplan', owner: 'Bo Lund', due: '2026-02-01', update: 'Skrevet i marts.', status: 'closed', note: 'Lukkes.' });
    const merged = carryForward(previous, [written, build.point('ny-skiltning', '2026-01-27', { owner: 'Bo Lund', update: 'Bestilt.' })]);
    expect(merged).toEqual([
      { id: 'vagtplan', title: 'Vagtplan for påsken', since: '2025-12-04', owner: 'Ida Thorsen', update: 'Skrevet i marts.', status: 'closed', note: 'Lukkes.' },
      { id: 'ny-skiltning', title: 'Ny skiltning', since: '2026-01-27', due: '2026-04-01', update: 'Bestilt.', status: 'open' },
    ]);
    expect(carryForward(previous, merged)).toEqual(merged);
  });
});

describe('orphanedPoints', () => {
  it('names the points dated up to the previous meeting that it no longer hands on but that stay for their text', () => {
    const list = [
      build.point('vagtplan', '2025-12-04'),
      build.point('omdoebt', '2026-01-27', { update: 'Skrevet.' }),
      build.point('glemt', '2025-11-01'),
      build.point('lukket', '2025-12-04', { note: 'Lukket i januar.' }),
      build.point('haandlagt', '2026-03-12', { update: 'Tilføjet på mødet.' }),
    ];
    expect(orphanedPoints(previous, list).map((p) => p.id)).toEqual(['omdoebt']);
    expect(carryForward(previous, list).map((p) => p.id)).toEqual(['vagtplan', 'ny-skiltning', 'omdoebt', 'haandlagt']);
  });
});

describe('lastUpdates', () => {
  it('gives the latest meeting with a non-blank update per point, in any order, up to a date', () => {
    const at = (date: string, update: string) => build.meeting(date, [build.approval([build.point('kpi', '2025-12-04', { update })])]);
    const meetings = [at('2026-03-12', '  '), at('2026-05-21', 'Nyt tal.'), at('2026-01-27', 'Første tal.')];
    const key = pointKey({ id: 'kpi', since: '2025-12-04' });
    expect(lastUpdates(meetings).get(key)).toBe('2026-05-21');
    expect(lastUpdates(meetings, '2026-04-01').get(key)).toBe('2026-01-27');
    expect(pointKey({ id: 'kpi', since: '2026-01-27' })).not.toBe(key);
  });
});

describe('pointsOfClosedItems', () => {
  it('names the new points of closed items by the ids they are carried under, and no carried point', () => {
    const meeting = build.meeting('2026-03-12', [
      build.approval([build.point('ny-skiltning', '2026-01-27')]),
      build.item({ followups: [{ title: 'Tilbud fra leverandør' }] }),
      build.item({ closed: true, followups: [{ title: 'Ny skiltning', owner: 'Bo Lund' }, { title: 'Tilbud fra leverandør' }] }),
    ]);
    expect(pointsOpenAfter(meeting).map((p) => p.id)).toEqual(['ny-skiltning', 'tilbud-fra-leverandoer', 'ny-skiltning-2', 'tilbud-fra-leverandoer-2']);
    expect(pointsOfClosedItems(meeting)).toEqual([
      { id: 'ny-skiltning-2', title: 'Ny skiltning', since: '2026-03-12', owner: 'Bo Lund', status: 'open' },
      { id: 'tilbud-fra-leverandoer-2', title: 'Tilbud fra leverandør', since: '2026-03-12', status: 'open' },
    ]);
  });
});

describe('pointsOfOtherTracks', () => {
  const meeting = build.meeting('2026-03-12', [
    build.approval([build.point('fra-kontaktcenter', '2026-01-27')]),
    build.item({ track: 'ai', followups: [{ title: 'Evaluering' }] }),
    build.item({ track: 'kontaktcenter', followups: [{ title: 'Vagtplan' }, { title: 'Evaluering' }] }),
    build.item({ followups: [{ title: 'Årshjul' }] }),
  ]);

  it("names the new points of the other tracks' items, and none of this track's, of no track's or carried", () => {
    expect(pointsOfOtherTracks(meeting, 'ai').map((p) => p.id)).toEqual(['vagtplan', 'evaluering-2']);
    expect(pointsOfOtherTracks(meeting, 'kontaktcenter').map((p) => p.id)).toEqual(['evaluering']);
    expect(pointsOfOtherTracks(meeting, 'intet-spor').map((p) => p.id)).toEqual(['evaluering', 'vagtplan', 'evaluering-2']);
  });

  it('leaves them out of a track extract only, and the closed items’ points out of a public version only', () => {
    const points = pointsOpenAfter(meeting);
    const otherTrackOrigin = new Set(pointsOfOtherTracks(meeting, 'ai').map(pointKey));
    const closedOrigin = new Set([pointKey({ id: 'aarshjul', since: '2026-03-12' })]);
    const shown = (selection: Parameters<typeof visiblePoints>[1]): string[] => visiblePoints(points, selection).map((p) => p.id);
    expect(shown({ track: 'ai', otherTrackOrigin, closedOrigin })).toEqual(['fra-kontaktcenter', 'evaluering', 'aarshjul']);
    expect(shown({ otherTrackOrigin, closedOrigin })).toEqual(['fra-kontaktcenter', 'evaluering', 'vagtplan', 'evaluering-2', 'aarshjul']);
    expect(shown({ track: 'ai', public: true, otherTrackOrigin, closedOrigin })).toEqual(['fra-kontaktcenter', 'evaluering']);
  });
});
