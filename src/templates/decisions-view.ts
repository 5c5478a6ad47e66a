// What the decision register template sees: the decisions of the chosen meetings, grouped by meeting. Pure.

import type { DocMeta } from '../doc.js';
import type { Meeting, Repository } from '../model.js';
import { formatDateLong } from '../rules/dates.js';
import { decisionRegister } from '../registers/decisions.js';
import { kindLabel } from '../rules/kinds.js';
import { compareText } from '../rules/order.js';
import { escapeText, normaliseMarkdown } from './escape.js';
import { repositoryMeta } from './view-model.js';

export interface DecisionsOptions {
  /** Only the meetings of this year, e.g. "2026". */
  year?: string;
  /** Leave out closed items. */
  public?: boolean;
}

export interface DecisionsView {
  title: string;
  organisation: string;
  year: string | null;
  meetings: { date: string; kind: string; decisions: { number: number; title: string; decision: string }[] }[];
}

const TITLE = 'Beslutningsprotokol';

/** Decisions are level-3 headings under their meeting; their own headings move below them. */
const DECISION_HEADING_SHIFT = 3;

export function buildDecisionsView(repo: Repository, meetings: readonly Meeting[], options: DecisionsOptions): DecisionsView {
  const rows = decisionRegister(meetings, {
    ...(options.year === undefined ? {} : { from: `${options.year}-01-01`, to: `${options.year}-12-31` }),
    public: options.public,
  });
  const kinds = new Map(meetings.map((m) => [m.date, m.kind]));
  const byMeeting = new Map<string, DecisionsView['meetings'][number]>();
  for (const row of rows) {
    let group = byMeeting.get(row.date);
    if (group === undefined) {
      group = { date: row.date, kind: escapeText(kindLabel(repo.config, kinds.get(row.date) ?? '')), decisions: [] };
      byMeeting.set(row.date, group);
    }
    group.decisions.push({ number: row.number, title: escapeText(row.title), decision: normaliseMarkdown(row.decision, DECISION_HEADING_SHIFT) });
  }
  return {
    title: escapeText(`${TITLE} ${repo.config.short}${options.year === undefined ? '' : ` ${options.year}`}`),
    organisation: escapeText(repo.config.organisation),
    year: options.year ?? null,
    meetings: [...byMeeting.values()],
  };
}

/** Metadata of the register; its date is the last meeting it covers, never the render day. */
export function decisionsMeta(repo: Repository, meetings: readonly Meeting[], options: DecisionsOptions): DocMeta {
  const covered = meetings.map((m) => m.date).filter((d) => options.year === undefined || d.startsWith(`${options.year}-`));
  const date = covered.sort(compareText).at(-1) ?? `${options.year ?? '2000'}-01-01`;
  return repositoryMeta(repo, {
    title: `${TITLE} ${repo.config.short}${options.year === undefined ? '' : ` ${options.year}`}`,
    subject: `Beslutninger truffet på møderne${options.year === undefined ? '' : ` i ${options.year}`}, senest ${formatDateLong(date)}`,
    date,
    draft: false,
  });
}
