// The decision register: every decision taken across the meetings, filtered by date and text. Pure.

import type { Meeting } from '../model.js';
import { compareText } from '../rules/order.js';

/** One row of the decision register. */
export interface DecisionRow {
  /** The meeting date, YYYY-MM-DD. */
  date: string;
  /** The printed item number ("Punkt 4"). */
  number: number;
  title: string;
  decision: string;
  /** The item file, relative to the repository root. */
  file: string;
}

export interface DecisionRegisterOptions {
  /** First meeting date to include, YYYY-MM-DD. */
  from?: string;
  /** Last meeting date to include, YYYY-MM-DD. */
  to?: string;
  /** Keep only decisions whose item title or decision text contains this, ignoring case. */
  grep?: string;
  /** Leave out closed items (lukket punkt), for a register that is published. */
  public?: boolean;
}

/** The decisions of the meetings in date and item order; items without a decision are left out. */
export function decisionRegister(meetings: readonly Meeting[], options: DecisionRegisterOptions = {}): DecisionRow[] {
  const needle = options.grep?.toLocaleLowerCase('da');
  const rows: DecisionRow[] = [];
  for (const m of [...meetings].sort((a, b) => compareText(a.date, b.date))) {
    if (options.from !== undefined && m.date < options.from) continue;
    if (options.to !== undefined && m.date > options.to) continue;
    for (const item of m.items) {
      const decision = item.decision?.trim() ?? '';
      if (decision === '' || (options.public === true && item.closed)) continue;
      if (needle !== undefined && !`${item.title}\n${decision}`.toLocaleLowerCase('da').includes(needle)) continue;
      rows.push({ date: m.date, number: item.number, title: item.title, decision, file: item.file });
    }
  }
  return rows;
}
