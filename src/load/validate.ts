// Checking a whole repository: every meeting, and that no follow-up point open at a meeting is lost at the next.

import { problem, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import type { Meeting, Repository } from '../model.js';
import { carriedPoints, missingPoints } from '../rules/carry-forward.js';
import { loadMeeting, type LoadedMeeting } from './meeting.js';
import { warningsOf } from './repository.js';

/**
 * Loads the meetings of `dates` (all when left out) and checks each against its predecessor: every follow-up point
 * open after the predecessor must be carried. Returns the valid meetings and every diagnostic, sorted.
 */
export async function validateRepository(
  repo: Repository,
  dates?: string[],
): Promise<{ meetings: Meeting[]; diagnostics: Diagnostic[]; itemCount: number }> {
  const wanted = [...new Set(dates ?? repo.meetingDates)].sort();
  const loaded = new Map<string, LoadedMeeting>();
  const load = async (date: string): Promise<LoadedMeeting> => {
    const known = loaded.get(date);
    if (known) return known;
    const result = await loadMeeting(repo, date);
    loaded.set(date, result);
    return result;
  };

  const diagnostics: Diagnostic[] = dates === undefined ? [...warningsOf(repo)] : warningsOf(repo).filter((d) => d.rule !== 'meeting-folder');
  const meetings: Meeting[] = [];
  let itemCount = 0;
  for (const date of wanted) {
    const current = await load(date);
    diagnostics.push(...current.diagnostics);
    if (current.meeting === undefined) continue;
    meetings.push(current.meeting);
    itemCount += current.meeting.items.length;
    const before = repo.meetingDates.filter((d) => d < date).at(-1);
    if (before !== undefined) diagnostics.push(...carryProblems(current.meeting, before, await load(before)));
  }
  return { meetings, diagnostics: sortDiagnostics(diagnostics), itemCount };
}

/** Errors for points open after the predecessor that the meeting does not carry; an explicit one when that cannot be checked. */
function carryProblems(meeting: Meeting, predecessorDate: string, predecessor: LoadedMeeting): Diagnostic[] {
  const approval = meeting.items.find((item) => item.kind === 'approval');
  const file = approval?.file ?? `${meeting.relDir}/meeting.yaml`;
  if (predecessor.meeting === undefined) {
    return [
      problem(file, `cannot check the carried follow-up points: the previous meeting ${predecessorDate} has errors`, {
        rule: 'carry-unchecked',
        hint: `fix meetings/${predecessorDate} first (\`ddh validate ${predecessorDate}\`), then run \`ddh carry ${meeting.date}\``,
      }),
    ];
  }
  return missingPoints(predecessor.meeting, carriedPoints(meeting)).map((point) => {
    const what = `follow-up point '${point.id}' (${point.title}), open after ${predecessorDate}`;
    return approval
      ? problem(file, `carried lacks ${what}`, { rule: 'carry-lost', line: 1, field: 'carried', hint: `run \`ddh carry ${meeting.date}\`` })
      : problem(file, `no approval item carries ${what}`, {
          rule: 'carry-lost',
          line: 1,
          hint: `add an item with kind: approval, then run \`ddh carry ${meeting.date}\``,
        });
  });
}
