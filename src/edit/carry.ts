// `carry`: refreshes a meeting's carried follow-up points from its predecessor, changing nothing else in its files.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { writeFileAtomic } from '../atomic-write.js';
import { DdhError, fail, problem } from '../diagnostics.js';
import { decodeSource, loadMeeting, parseYaml, splitFrontMatter } from '../load/index.js';
import type { FollowUp, Repository } from '../model.js';
import { carryForward } from '../rules/carry-forward.js';
import { rewriteCarried } from './carried-text.js';
import { checkMeetingDate, readPredecessor } from './predecessor.js';

/** What `refreshCarried` did to the approval item: ids added, removed, updated from the previous meeting and kept as written. */
export interface CarryResult {
  /** The approval item file, relative to the repository root. */
  file: string;
  added: string[];
  removed: string[];
  /** Points kept whose title, since, owner or due changed at the previous meeting: those values were rewritten, the rest kept. */
  updated: string[];
  /** Points kept exactly as written. */
  kept: string[];
  /** False when the list was already right: the file was not written. */
  changed: boolean;
}

const BOM = '\ufeff';

function ids(points: readonly FollowUp[]): string[] {
  return points.map((p) => p.id);
}

/** A line with its own line end; `\r\n`, `\r` and `\n` all end a line, as they do for the reader. */
function splitLines(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

/** A point as the loader reads it, for comparing: absent fields left out. */
function plain(point: FollowUp): Record<string, string> {
  return Object.fromEntries(Object.entries(point).filter(([, value]) => value !== undefined)) as Record<string, string>;
}

/** The text edit must make the list read as `points` and change nothing else: anything more would be a bug in it, and is never written. */
function checkOnlyListChanged(before: string, after: string, points: readonly FollowUp[], file: string): void {
  // Read as the loader reads: plain values as written (`0800` stays text), invisible characters removed.
  const read = (text: string) => parseYaml(text, file, { expect: 'mapping' }).value as Record<string, unknown> | undefined;
  const old = { ...read(before), carried: undefined };
  const { carried, ...rest } = (read(after) ?? {}) as { carried?: FollowUp[] };
  const sameRest = isDeepStrictEqual(old, { ...rest, carried: undefined });
  if (!sameRest || !isDeepStrictEqual((carried ?? []).map(plain), points.map(plain))) {
    throw new Error(`rewriting the carried list of ${file} would change more than the list`);
  }
}

/**
 * Replaces the carried list in an item file's text and returns the new text: the opening fence, the closing
 * fence and the body stay byte for byte; a BOM stays; generated lines take the line end of the opening fence.
 */
export function replaceCarriedInFile(raw: string, file: string, points: readonly FollowUp[]): string {
  const bom = raw.startsWith(BOM) ? BOM : '';
  const text = raw.slice(bom.length);
  const { bodyLine } = splitFrontMatter(text.replace(/\r\n?/g, '\n'), file);
  const lines = splitLines(text);
  const opening = lines[0] ?? '';
  const eol = /\r\n|\r|\n$/.exec(opening)?.[0] ?? '\n';
  const yaml = lines.slice(1, bodyLine - 2).join('').replace(/\r\n?/g, '\n');
  const rewritten = rewriteCarried(yaml, points);
  checkOnlyListChanged(yaml, rewritten, points, file);
  return bom + opening + rewritten.replace(/\n/g, eol) + lines.slice(bodyLine - 2).join('');
}

/**
 * Merges the predecessor's open points into the approval item of the meeting on `date` by id (DESIGN.md):
 * text already written is kept, points closed at the predecessor leave, new ones arrive. Only the `carried`
 * list of that file changes; when it is already right the file is not written at all.
 */
export async function refreshCarried(repo: Repository, date: string): Promise<CarryResult> {
  checkMeetingDate(date);
  if (!repo.meetingDates.includes(date)) {
    fail('', `there is no meeting folder meetings/${date}`, { rule: 'carry', hint: `create it with: ddh new-meeting ${date}` });
  }
  const { meeting, diagnostics } = await loadMeeting(repo, date);
  if (meeting === undefined) {
    const head = problem('', `meetings/${date} has errors, so its carried follow-up points cannot be refreshed`, {
      rule: 'carry',
      hint: `fix the problems below (ddh validate ${date}), then run: ddh carry ${date}`,
    });
    throw new DdhError([head, ...diagnostics]);
  }
  const approval = meeting.items.find((item) => item.kind === 'approval');
  if (approval === undefined) {
    fail(`${meeting.relDir}/meeting.yaml`, `meetings/${date} has no approval item to carry the follow-up points into`, {
      rule: 'carry',
      hint: 'add `kind: approval` to the front matter of the item "Godkendelse af referat og opfølgning"',
    });
  }
  const predecessor = await readPredecessor(repo, date, `ddh carry ${date}`);
  const existing = approval.carried;
  const merged = carryForward(predecessor, existing);
  const before = new Set(ids(existing));
  const after = new Map(merged.map((p) => [p.id, p]));
  const stayed = existing.filter((p) => after.has(p.id));
  const same = (p: FollowUp): boolean => isDeepStrictEqual(plain(p), plain(after.get(p.id) as FollowUp));
  const result: CarryResult = {
    file: approval.file,
    added: ids(merged).filter((id) => !before.has(id)),
    removed: ids(existing).filter((id) => !after.has(id)),
    updated: ids(stayed.filter((p) => !same(p))),
    kept: ids(stayed.filter(same)),
    changed: false,
  };
  if (result.added.length === 0 && result.removed.length === 0 && result.updated.length === 0) return result;

  const absolute = path.join(repo.root, ...approval.file.split('/'));
  const bytes = await readFile(absolute);
  decodeSource(bytes, approval.file);
  const raw = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  writeFileAtomic({ path: absolute, bytes: replaceCarriedInFile(raw, approval.file, merged), display: approval.file });
  return { ...result, changed: true };
}
