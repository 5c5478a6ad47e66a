// Checking a whole repository: every meeting, and that no follow-up point open at a meeting is lost at the next.

import path from 'node:path';
import { problem, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import type { Meeting, Repository } from '../model.js';
import { missingPoints, orphanedPoints } from '../rules/carry-forward.js';
import { compareText } from '../rules/order.js';
import { loadMeeting, type LoadedMeeting } from './meeting.js';
import { problemsOf } from './repository.js';
import { readSourceText, splitFrontMatter } from './source.js';
import { parseYaml } from './yaml.js';

/**
 * Loads the meetings of `dates` (all when left out) and checks each against its predecessor: every follow-up point
 * open after the predecessor must be carried (an error otherwise), and a carried point the predecessor no longer
 * hands on is warned about. The check runs whenever both approval items could be read, also when other files of
 * either meeting have errors, so one run shows every problem. Returns the valid meetings checked, every diagnostic
 * about them, sorted, how many item files were checked (those with errors included), and `history`: every meeting of
 * the repository that loads, for rules that look back further than the meetings checked.
 */
export async function validateRepository(
  repo: Repository,
  dates?: string[],
): Promise<{ meetings: Meeting[]; diagnostics: Diagnostic[]; itemCount: number; history: Meeting[] }> {
  const wanted = [...new Set(dates ?? repo.meetingDates)].sort(compareText);
  const loaded = new Map<string, LoadedMeeting>();
  const load = async (date: string): Promise<LoadedMeeting> => {
    const known = loaded.get(date);
    if (known) return known;
    const result = await loadMeeting(repo, date);
    loaded.set(date, result);
    return result;
  };

  const diagnostics: Diagnostic[] = dates === undefined ? [...problemsOf(repo)] : problemsOf(repo).filter((d) => d.rule !== 'meeting-folder');
  const meetings: Meeting[] = [];
  let itemCount = 0;
  for (const date of wanted) {
    const current = await load(date);
    diagnostics.push(...current.diagnostics);
    if (current.meeting !== undefined) meetings.push(current.meeting);
    itemCount += current.items.length + current.unreadItems.length;
    const before = repo.meetingDates.filter((d) => d < date).at(-1);
    if (before !== undefined) diagnostics.push(...(await carryProblems(repo, date, current, before, await load(before))));
  }
  const history: Meeting[] = [];
  for (const date of dates === undefined ? [] : repo.meetingDates) {
    const { meeting } = await load(date);
    if (meeting !== undefined) history.push(meeting);
  }
  return { meetings, diagnostics: sortDiagnostics(diagnostics), itemCount, history: dates === undefined ? meetings : history };
}

/** Places findings in an item file's front matter; read only when there is something to place. */
async function frontMatterLocator(repo: Repository, file: string): Promise<(path: (string | number)[], key?: boolean) => { line: number; column?: number }> {
  try {
    const source = await readSourceText(path.join(repo.root, ...file.split('/')), file);
    const front = splitFrontMatter(source.text, file);
    const parsed = parseYaml(front.yaml, file, { firstLine: front.yamlLine, expect: 'mapping' });
    return (at, key = false) => parsed.locate(at, { key });
  } catch {
    // The file loaded a moment ago; if it cannot be read again now, the findings still stand, at its first line.
    return () => ({ line: 1, column: 1 });
  }
}

/**
 * Errors for points open after the predecessor that the meeting does not carry (at the `carried` key); warnings for
 * carried points the predecessor no longer hands on that stay only because text was written for them (at their id);
 * an explicit error for what cannot be checked because the predecessor's items cannot be read. Nothing when the
 * meeting's own approval item may be among its unreadable items: their errors are reported already.
 */
async function carryProblems(repo: Repository, date: string, current: LoadedMeeting, predecessorDate: string, predecessor: LoadedMeeting): Promise<Diagnostic[]> {
  const approval = current.items.find((item) => item.kind === 'approval');
  if (approval === undefined && current.unreadItems.length > 0) return [];
  const file = approval?.file ?? `meetings/${date}/meeting.yaml`;
  const hint = `fix meetings/${predecessorDate} first (\`ddh validate ${predecessorDate}\`), then run \`ddh carry ${date}\``;
  const previousApproval = predecessor.items.find((item) => item.kind === 'approval');
  if (previousApproval === undefined && predecessor.unreadItems.length > 0) {
    return [problem(file, `cannot check the carried follow-up points: the previous meeting ${predecessorDate} has items that cannot be read`, { rule: 'carry-unchecked', hint })];
  }
  // The readable items of the predecessor give points that are surely open; unreadable ones may add more, said below.
  const previous = { date: predecessorDate, items: predecessor.items };
  const carried = approval?.carried ?? [];
  const missing = missingPoints(previous, carried);
  const orphaned = orphanedPoints(previous, carried);
  if (missing.length === 0 && orphaned.length === 0 && predecessor.unreadItems.length === 0) return [];
  // Without an approval item the findings are about meeting.yaml as a whole; with one they sit at its `carried` key.
  const locate = approval === undefined ? () => ({}) : await frontMatterLocator(repo, file);
  const atCarried = approval === undefined ? {} : { ...locate(['carried'], true), field: 'carried' };
  const unchecked = predecessor.unreadItems.map((unread) =>
    problem(file, `cannot check the follow-up points agreed in ${unread}: it cannot be read`, { rule: 'carry-unchecked', ...atCarried, hint }),
  );
  const lost = missing.map((point) =>
    approval === undefined
      ? problem(file, `no approval item carries follow-up point '${point.id}' (${point.title}), open after ${predecessorDate}`, {
          rule: 'carry-lost',
          hint: `add an item with kind: approval, then run \`ddh carry ${date}\``,
        })
      : problem(file, `carried lacks follow-up point '${point.id}' (${point.title}), open after ${predecessorDate}`, {
          rule: 'carry-lost',
          ...atCarried,
          hint: `run \`ddh carry ${date}\``,
        }),
  );
  const stray = orphaned.map((point) => {
    const index = carried.indexOf(point);
    return problem(file, `carried point '${point.id}' (${point.title}) is no longer handed on by ${predecessorDate}: it was closed, renamed or deleted there, and stays here only because text was written for it`, {
      rule: 'carry-orphan',
      severity: 'warning',
      ...locate(['carried', index, 'id']),
      field: `carried[${index}]`,
      hint: `if it is done, or the same point as another, move its text where it belongs and remove it from carried; if ${predecessorDate} should still hand it on, restore it there and run \`ddh carry ${date}\``,
    });
  });
  return [...unchecked, ...lost, ...stray];
}
