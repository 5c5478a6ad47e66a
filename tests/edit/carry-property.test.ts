// Property tests: over random histories of new-meeting, close, add, write and carry, no open point is lost or duplicated.

import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createMeeting, refreshCarried } from '../../src/edit/index.js';
import { findRepository, readMeeting } from '../../src/load/index.js';
import type { AgendaItem, FollowUp, Meeting } from '../../src/model.js';
import { carriedPoints, carryForward, pointsOpenAfter } from '../../src/rules/carry-forward.js';
import * as build from '../helpers/meeting-builder.js';
import { makeRepo } from '../helpers/temp-repo.js';

type Op =
  | { op: 'new' }
  | { op: 'close'; meeting: number; point: number }
  | { op: 'add'; meeting: number; title: string }
  | { op: 'write'; meeting: number; point: number; text: string }
  | { op: 'carry'; meeting: number };

// Titles that fold to the same id ("Vagtplan" and "Vagtplan!") exercise the unique-id rule.
const TITLES = ['Vagtplan', 'Vagtplan!', 'KPI’er for chat', 'Chatbot – pilot', 'Onboarding af agenter', 'Æblemost til mødet'];

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.constant<Op>({ op: 'new' }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('close' as const), meeting: fc.nat(6), point: fc.nat(6) }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('add' as const), meeting: fc.nat(6), title: fc.constantFrom(...TITLES) }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('write' as const), meeting: fc.nat(6), point: fc.nat(6), text: fc.constantFrom('I gang.', 'Afsluttet – se bilag.') }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('carry' as const), meeting: fc.nat(6) }), weight: 3 },
);

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

  /** Applies one operation; returns the meeting it concerned and the id of the point, or undefined when it did nothing. */
  apply(op: Op): { meeting: number; point?: string } | undefined {
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
      case 'carry': {
        if (k === 0) return undefined;
        const previous = this.meetings[k - 1] as Meeting;
        const before = structuredClone(list);
        const merged = carryForward(previous, list);
        // Carrying twice gives what carrying once gave.
        expect(carryForward(previous, merged)).toEqual(merged);
        // Points that stay keep everything written in this meeting.
        for (const p of merged) {
          const old = before.find((b) => b.id === p.id);
          if (old !== undefined) expect(p).toEqual(old);
        }
        (meeting.items[0] as AgendaItem).carried = merged;
        this.stale[k] = false;
        break;
      }
    }
    if (k + 1 < count) this.stale[k + 1] = true;
    return id === undefined ? { meeting: k } : { meeting: k, point: id };
  }

  /** No id twice in any list; every meeting whose predecessor did not change since it carried holds exactly the points open after it. */
  check(): void {
    this.meetings.forEach((meeting, k) => {
      const ids = carriedPoints(meeting).map((p) => p.id);
      expect(new Set(ids).size).toBe(ids.length);
      const previous = this.meetings[k - 1];
      if (previous === undefined || this.stale[k] === true) return;
      const open = pointsOpenAfter(previous).map((p) => p.id);
      for (const id of open) expect(ids).toContain(id);
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

/** Applies an operation the model applied to the files of a real repository; true when `ddh carry` rewrote a file. */
async function applyToFiles(root: string, op: Op, target: { meeting: number; point?: string }): Promise<boolean> {
  const date = dateOf(target.meeting);
  const dir = path.join(root, 'meetings', date);
  const approval = path.join(dir, '10-godkendelse-af-referat-og-opfoelgning.md');
  switch (op.op) {
    case 'new':
      await createMeeting(await findRepository(root), date);
      return false;
    case 'close':
    case 'write': {
      await editFrontMatter(approval, (doc) => {
        const index = (doc.toJS() as { carried: FollowUp[] }).carried.findIndex((p) => p.id === target.point);
        if (op.op === 'close') doc.setIn(['carried', index, 'status'], 'closed');
        else doc.setIn(['carried', index, 'update'], op.text);
      });
      return false;
    }
    case 'add':
      await editFrontMatter(path.join(dir, '20-sager.md'), (doc) => {
        if (!doc.has('followups')) doc.set('followups', doc.createNode([]));
        doc.addIn(['followups'], doc.createNode({ title: op.title }));
      });
      return false;
    case 'carry':
      return (await refreshCarried(await findRepository(root), date)).changed;
  }
}

describe('carrying over random histories on real files', () => {
  it('new-meeting, edits and ddh carry give the files exactly the lists of the pure rules', async () => {
    let rewrites = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 4, maxLength: 14 }), async (ops) => {
        const root = await makeRepo({ 'ddh.yaml': CONFIG });
        const history = new History();
        // The random steps, then `ddh carry` on every meeting in date order, as a secretariat catching up would.
        const carryAll = (): Op[] => history.meetings.slice(1).map((_, k) => ({ op: 'carry', meeting: k + 1 }));
        for (const op of [...ops, { op: 'carry-all' } as const]) {
          for (const step of op.op === 'carry-all' ? carryAll() : [op]) {
            const target = history.apply(step);
            if (target === undefined) continue;
            if (await applyToFiles(root, step, target)) rewrites++;
            const repo = await findRepository(root);
            for (const [n, meeting] of history.meetings.entries()) {
              const onDisk = await readMeeting(repo, meeting.date);
              expect(carriedPoints(onDisk.meeting), `meeting ${n} after ${step.op}`).toEqual(carriedPoints(meeting));
            }
          }
        }
        history.check();
      }),
      { numRuns: 12 },
    );
    // The runs must have made `ddh carry` rewrite files, or they proved nothing about it.
    expect(rewrites).toBeGreaterThan(0);
  });
});
