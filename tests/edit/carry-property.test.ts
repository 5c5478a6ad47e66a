// Property tests: over random histories of new-meeting, close, add, write and carry, no open point is lost or duplicated.

import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createMeeting, refreshCarried, type CarryResult } from '../../src/edit/index.js';
import { findRepository, readMeeting } from '../../src/load/index.js';
import type { AgendaItem, FollowUp, Meeting, NewFollowUp } from '../../src/model.js';
import { carriedPoints, carryForward, pointsOpenAfter } from '../../src/rules/carry-forward.js';
import { compareText } from '../../src/rules/order.js';
import * as build from '../helpers/meeting-builder.js';
import { makeRepo } from '../helpers/temp-repo.js';

type Op =
  | { op: 'new' }
  | { op: 'close'; meeting: number; point: number }
  | { op: 'add'; meeting: number; title: string }
  | { op: 'own'; meeting: number; followup: number; owner: string }
  | { op: 'drop'; meeting: number; followup: number }
  | { op: 'write'; meeting: number; point: number; text: string }
  | { op: 'carry'; meeting: number };

// Titles that fold to the same id ("Vagtplan" and "Vagtplan!") exercise the unique-id rule.
const TITLES = ['Vagtplan', 'Vagtplan!', 'KPI’er for chat', 'Chatbot – pilot', 'Onboarding af agenter', 'Æblemost til mødet'];

/** Random operations; `changes` weighs changing and deleting points where they were agreed against the rest. */
const opsWith = (changes: number): fc.Arbitrary<Op> => fc.oneof(
  { arbitrary: fc.constant<Op>({ op: 'new' }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('close' as const), meeting: fc.nat(6), point: fc.nat(6) }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('add' as const), meeting: fc.nat(6), title: fc.constantFrom(...TITLES) }), weight: 3 },
  // Changing a point's owner, and deleting a point (which renumbers the ids of its namesakes after it), where it was agreed.
  { arbitrary: fc.record({ op: fc.constant('own' as const), meeting: fc.nat(6), followup: fc.nat(6), owner: fc.constantFrom('Ida', 'Bo') }), weight: changes },
  { arbitrary: fc.record({ op: fc.constant('drop' as const), meeting: fc.nat(6), followup: fc.nat(6) }), weight: changes },
  { arbitrary: fc.record({ op: fc.constant('write' as const), meeting: fc.nat(6), point: fc.nat(6), text: fc.constantFrom('I gang.', 'Afsluttet – se bilag.') }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('carry' as const), meeting: fc.nat(6) }), weight: 3 },
);
const opArb = opsWith(1);

/** What the successor writes for a point: its update, status and note. */
function text(p: FollowUp): Pick<FollowUp, 'update' | 'status' | 'note'> {
  return { status: p.status, ...(p.update === undefined ? {} : { update: p.update }), ...(p.note === undefined ? {} : { note: p.note }) };
}

/** What the predecessor decides for a point it hands on: all but the text (an absent owner or due stays absent). */
function facts(p: FollowUp): Omit<FollowUp, 'update' | 'status' | 'note'> {
  return { id: p.id, title: p.title, since: p.since, owner: p.owner, due: p.due };
}

/** The date of the n-th meeting: one a week from 5 January 2026. */
function dateOf(n: number): string {
  return new Date(Date.UTC(2026, 0, 5 + 7 * n)).toISOString().slice(0, 10);
}

/** A meeting as new-meeting makes it with the standing items below: the approval item, then one ordinary item. */
function newModelMeeting(n: number, carried: FollowUp[]): Meeting {
  return build.meeting(dateOf(n), [build.approval(carried), build.item({ title: 'Sager' })]);
}

/** A history in memory, and which meetings' predecessors changed since they were last carried. */
class History {
  readonly meetings: Meeting[] = [];
  /** stale[k]: meeting k-1's points changed after meeting k last carried from it. */
  readonly stale: boolean[] = [];

  /** Applies one operation; returns the meeting it concerned and the id of the point (or index of the follow-up), or undefined when it did nothing. */
  apply(op: Op): { meeting: number; point?: string; followup?: number } | undefined {
    const count = this.meetings.length;
    if (op.op === 'new') {
      const previous = this.meetings.at(-1);
      this.meetings.push(newModelMeeting(count, previous === undefined ? [] : pointsOpenAfter(previous)));
      this.stale.push(false);
      return { meeting: count };
    }
    if (count === 0) return undefined;
    const k = op.meeting % count;
    const meeting = this.meetings[k] as Meeting;
    const list = carriedPoints(meeting);
    let id: string | undefined;
    let followup: number | undefined;
    switch (op.op) {
      case 'close':
      case 'write': {
        const point = list[op.point % Math.max(1, list.length)];
        if (point === undefined) return undefined;
        id = point.id;
        if (op.op === 'close') point.status = 'closed';
        else point.update = op.text;
        break;
      }
      case 'add':
        (meeting.items[1] as AgendaItem).followups.push({ title: op.title });
        break;
      case 'own':
      case 'drop': {
        const agreed = (meeting.items[1] as AgendaItem).followups;
        if (agreed.length === 0) return undefined;
        followup = op.followup % agreed.length;
        if (op.op === 'own') (agreed[followup] as NewFollowUp).owner = op.owner;
        else agreed.splice(followup, 1);
        break;
      }
      case 'carry': {
        if (k === 0) return undefined;
        const previous = this.meetings[k - 1] as Meeting;
        const before = structuredClone(list);
        const merged = carryForward(previous, list);
        // Carrying twice gives what carrying once gave.
        expect(carryForward(previous, merged)).toEqual(merged);
        // Points that stay keep the text written in this meeting; the previous meeting decides the rest of those it hands on.
        const handed = pointsOpenAfter(previous);
        for (const p of merged) {
          const old = before.find((b) => b.id === p.id);
          const given = handed.find((h) => h.id === p.id);
          if (old !== undefined) expect(text(p)).toEqual(text(old));
          if (given !== undefined) expect(facts(p)).toEqual(facts(given));
          else if (old !== undefined) expect(p).toEqual(old);
        }
        (meeting.items[0] as AgendaItem).carried = merged;
        this.stale[k] = false;
        break;
      }
    }
    if (k + 1 < count) this.stale[k + 1] = true;
    return { meeting: k, ...(id === undefined ? {} : { point: id }), ...(followup === undefined ? {} : { followup }) };
  }

  /** No id twice in any list; every meeting whose predecessor did not change since it carried holds exactly the points open after it. */
  check(): void {
    this.meetings.forEach((meeting, k) => {
      const ids = carriedPoints(meeting).map((p) => p.id);
      expect(new Set(ids).size).toBe(ids.length);
      const previous = this.meetings[k - 1];
      if (previous === undefined || this.stale[k] === true) return;
      const handed = pointsOpenAfter(previous);
      const open = handed.map((p) => p.id);
      // Every point handed on is there, with the facts the previous meeting gives it.
      for (const h of handed) {
        const carried = carriedPoints(meeting).find((p) => p.id === h.id);
        expect(carried && facts(carried)).toEqual(facts(h));
      }
      // An id beyond those is only ever a point this meeting wrote text for: kept so that the text is not lost.
      for (const p of carriedPoints(meeting)) {
        if (!open.includes(p.id)) expect(p.update ?? p.note).toBeDefined();
      }
    });
  }

  carryAll(): void {
    for (let k = 1; k < this.meetings.length; k++) this.apply({ op: 'carry', meeting: k });
  }
}

describe('carrying over random histories', () => {
  it('never loses or duplicates an open point (pure rules)', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), (ops) => {
        const history = new History();
        for (const op of ops) {
          history.apply(op);
          history.check();
        }
        history.carryAll();
        expect(history.stale.every((s) => !s)).toBe(true);
        history.check();
      }),
      { numRuns: 400 },
    );
  });

  it('finds the points closed at an earlier meeting gone from every later one once all are carried', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), (ops) => {
        const history = new History();
        for (const op of ops) history.apply(op);
        history.carryAll();
        history.meetings.forEach((meeting, k) => {
          for (const closed of carriedPoints(meeting).filter((p) => p.status === 'closed')) {
            for (const later of history.meetings.slice(k + 1)) {
              const again = carriedPoints(later).find((p) => p.id === closed.id && p.since === closed.since);
              // Only a point this later meeting wrote text for may remain, and never as a copy.
              if (again !== undefined) expect(again.update ?? again.note).toBeDefined();
            }
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});

const CONFIG = `standing_items:
  - title: Godkendelse af referat og opfølgning
    kind: approval
  - title: Sager
`;

/** Edits one YAML front matter in place through the Document API, as a person editing the file would. */
async function editFrontMatter(file: string, edit: (doc: ReturnType<typeof parseDocument>) => void): Promise<void> {
  const text = await readFile(file, 'utf8');
  const [, yaml = '', body = ''] = /^---\n([\s\S]*?)---\n([\s\S]*)$/.exec(text) ?? [];
  const doc = parseDocument(yaml);
  edit(doc);
  await writeFile(file, `---\n${doc.toString({ lineWidth: 0 })}---\n${body}`);
}

/** Applies an operation the model applied to the files of a real repository; what `ddh carry` did, when it ran. */
async function applyToFiles(root: string, op: Op, target: { meeting: number; point?: string; followup?: number }): Promise<CarryResult | undefined> {
  const date = dateOf(target.meeting);
  const dir = path.join(root, 'meetings', date);
  const approval = path.join(dir, '10-godkendelse-af-referat-og-opfoelgning.md');
  switch (op.op) {
    case 'new':
      await createMeeting(await findRepository(root), date);
      return undefined;
    case 'close':
    case 'write': {
      await editFrontMatter(approval, (doc) => {
        const index = (doc.toJS() as { carried: FollowUp[] }).carried.findIndex((p) => p.id === target.point);
        if (op.op === 'close') doc.setIn(['carried', index, 'status'], 'closed');
        else doc.setIn(['carried', index, 'update'], op.text);
      });
      return undefined;
    }
    case 'add':
      await editFrontMatter(path.join(dir, '20-sager.md'), (doc) => {
        if (!doc.has('followups')) doc.set('followups', doc.createNode([]));
        doc.addIn(['followups'], doc.createNode({ title: op.title }));
      });
      return undefined;
    case 'own':
    case 'drop':
      await editFrontMatter(path.join(dir, '20-sager.md'), (doc) => {
        if (op.op === 'own') doc.setIn(['followups', target.followup, 'owner'], op.owner);
        else doc.deleteIn(['followups', target.followup]);
      });
      return undefined;
    case 'carry':
      return refreshCarried(await findRepository(root), date);
  }
}

/** A list of points in id order. */
function byId(points: readonly FollowUp[]): FollowUp[] {
  return [...points].sort((a, b) => compareText(a.id, b.id));
}

/** Two meetings, the first with two points agreed: so that changing or deleting them there has somewhere to reach. */
const START: Op[] = [{ op: 'new' }, { op: 'add', meeting: 0, title: 'Vagtplan' }, { op: 'add', meeting: 0, title: 'Chatbot – pilot' }, { op: 'new' }];

describe('carrying over random histories on real files', () => {
  it('new-meeting, edits and ddh carry give the files exactly the lists of the pure rules', async () => {
    let rewrites = 0;
    let updates = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(opsWith(3), { minLength: 4, maxLength: 14 }), async (ops) => {
        const root = await makeRepo({ 'ddh.yaml': CONFIG });
        const history = new History();
        // The random steps, then `ddh carry` on every meeting in date order, as a secretariat catching up would.
        const carryAll = (): Op[] => history.meetings.slice(1).map((_, k) => ({ op: 'carry', meeting: k + 1 }));
        for (const op of [...START, ...ops, { op: 'carry-all' } as const]) {
          for (const step of op.op === 'carry-all' ? carryAll() : [op]) {
            const target = history.apply(step);
            if (target === undefined) continue;
            const carried = await applyToFiles(root, step, target);
            if (carried?.changed === true) rewrites++;
            if ((carried?.updated.length ?? 0) > 0) updates++;
            const repo = await findRepository(root);
            for (const [n, meeting] of history.meetings.entries()) {
              const onDisk = await readMeeting(repo, meeting.date);
              // `ddh carry` leaves a list that only changed order as written: the points must agree, in any order.
              expect(byId(carriedPoints(onDisk.meeting)), `meeting ${n} after ${step.op}`).toEqual(byId(carriedPoints(meeting)));
            }
          }
        }
        history.check();
      }),
      { numRuns: 12 },
    );
    // The runs must have made `ddh carry` rewrite files, and rewrite kept entries, or they proved nothing about it.
    expect(rewrites).toBeGreaterThan(0);
    expect(updates).toBeGreaterThan(0);
  });
});
