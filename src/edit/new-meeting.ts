// `new-meeting`: a new meeting folder from the standing items, the meeting plan and the carried follow-up points.

import { randomBytes } from 'node:crypto';
import { lstat, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DdhError, fail, problem, type Diagnostic } from '../diagnostics.js';
import { unknownKind } from '../load/repository.js';
import type { Meeting, Repository } from '../model.js';
import { pointsOpenAfter } from '../rules/carry-forward.js';
import { newMeetingFiles, type MeetingFacts } from './meeting-files.js';
import { checkMeetingDate, readPredecessor } from './predecessor.js';

/** What `createMeeting` made: the folder, its files (relative to the folder) and notes for the secretariat. */
export interface CreatedMeeting {
  dir: string;
  written: string[];
  notes: Diagnostic[];
}

async function exists(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

function refuseExisting(date: string): never {
  fail('', `meetings/${date} already exists: new-meeting never changes an existing meeting`, {
    rule: 'exists',
    hint: `edit its files, or pick another date; to refresh its follow-up points run: ddh carry ${date}`,
  });
}

/** Kind, time, place and host: `--kind` over the plan's entry for the date; the kind must be one ddh.yaml knows. */
function meetingFacts(repo: Repository, date: string, kindOption: string | undefined, notes: Diagnostic[]): MeetingFacts {
  const planned = repo.plan.find((entry) => entry.date === date);
  if (planned === undefined) {
    notes.push(
      problem('meetings/plan.yaml', `${date} is not in the meeting plan: time, place and host are left for you to fill in`, {
        rule: 'plan',
        severity: 'warning',
        hint: `add the date to meetings/plan.yaml, or write them in meetings/${date}/meeting.yaml`,
      }),
    );
  }
  // A kind in plan.yaml was checked when the repository was read; only --kind can name an unknown one here.
  const kind = kindOption ?? planned?.kind ?? Object.keys(repo.config.kinds)[0] ?? 'styregruppemøde';
  if (!Object.hasOwn(repo.config.kinds, kind)) throw new DdhError([unknownKind('', kind, repo.config, undefined, '--kind')]);
  const facts: MeetingFacts = { date, kind };
  if (planned?.time !== undefined) facts.time = planned.time;
  if (planned?.place !== undefined) facts.place = planned.place;
  if (planned?.host !== undefined) facts.host = planned.host;
  return facts;
}

/** Notes about where the carried points came from: a first meeting, a predecessor still in draft, later meetings. */
function carryNotes(repo: Repository, date: string, predecessor: Meeting | undefined): Diagnostic[] {
  const notes: Diagnostic[] = [];
  if (predecessor === undefined) {
    notes.push(problem(`meetings/${date}/meeting.yaml`, 'first meeting: no follow-up points to carry', { rule: 'carry-first', severity: 'note' }));
  } else if (predecessor.status !== 'approved') {
    notes.push(
      problem(`${predecessor.relDir}/meeting.yaml`, `the previous meeting ${predecessor.date} is still a draft: its follow-up points were carried as they stand now`, {
        rule: 'carry-draft',
        severity: 'warning',
        hint: `when its minutes are written, run: ddh carry ${date}`,
      }),
    );
  }
  const later = repo.meetingDates.find((d) => d > date);
  if (later !== undefined) {
    notes.push(
      problem(`meetings/${later}/meeting.yaml`, `${later} now carries its follow-up points from ${date}`, {
        rule: 'carry-order',
        severity: 'warning',
        hint: `check it with: ddh carry ${later}`,
      }),
    );
  }
  return notes;
}

/**
 * Creates `meetings/DATE/` with meeting.yaml and the standing items, the approval item carrying the points left open
 * after the previous meeting. Refuses a date that is not a real YYYY-MM-DD, an existing folder (left untouched),
 * an unknown kind and a previous meeting with errors; nothing is created then. The folder is built under a
 * temporary name next to it and renamed into place, so a crash never leaves half a meeting.
 */
export async function createMeeting(repo: Repository, date: string, options: { kind?: string } = {}): Promise<CreatedMeeting> {
  checkMeetingDate(date);
  const meetingsDir = path.join(repo.root, 'meetings');
  const dir = path.join(meetingsDir, date);
  if (await exists(dir)) refuseExisting(date);

  const notes: Diagnostic[] = [];
  const facts = meetingFacts(repo, date, options.kind, notes);
  const predecessor = await readPredecessor(repo, date, `ddh new-meeting ${date}`);
  const carried = predecessor === undefined ? [] : pointsOpenAfter(predecessor);
  const standing = repo.config.standingItems;
  if (carried.length > 0 && !standing.some((item) => item.kind === 'approval')) {
    fail('ddh.yaml', `standing_items has no approval item, so the ${carried.length} open follow-up points of ${predecessor?.date ?? ''} would be lost`, {
      rule: 'carry-nowhere',
      field: 'standing_items',
      hint: 'give the item "Godkendelse af referat og opfølgning" the line `kind: approval`',
    });
  }
  notes.push(...carryNotes(repo, date, predecessor));

  const files = newMeetingFiles(facts, standing, carried);
  await mkdir(meetingsDir, { recursive: true });
  // Not mkdtemp: its folder is private to the user, and the meeting folder should get the usual permissions.
  const temp = path.join(meetingsDir, `.${date}.tmp-${randomBytes(4).toString('hex')}`);
  await mkdir(temp);
  try {
    for (const file of files) await writeFile(path.join(temp, file.name), file.text, { flag: 'wx' });
    // Checked again: another run may have made the folder meanwhile, and renaming onto an empty folder would succeed.
    if (await exists(dir)) refuseExisting(date);
    await rename(temp, dir);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTEMPTY' || code === 'ENOTDIR') refuseExisting(date);
    throw error;
  }
  return { dir, written: files.map((f) => f.name), notes };
}
