// A small minutes repository for the editing tests: a plan, and a first meeting with carried and new follow-up points.

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { DdhError } from '../../src/diagnostics.js';
import type { FileMap } from '../helpers/temp-repo.js';

export const CONFIG = `organisation: Den Digitale Hotline
short: DDH
tracks:
  kontaktcenter: DDH Kontaktcenter
`;

export const PLAN = `- date: 2026-01-27
  time: "10:00-14:00"
  place: Teams
- date: 2026-03-12
  kind: styregruppemøde
  time: "09:30-15:00"
  place: Silkeborg Rådhus
  host: Silkeborg Kommune
- date: 2026-05-21
  kind: repræsentantskabsmøde
  time: "13:00-16:00"
  place: Vejle Rådhus
`;

/** The approval item of the first meeting: one point closed there, one still open. */
export const FIRST_APPROVAL = `---
title: Godkendelse af referat og opfølgning
types: [B]
kind: approval
carried:
  - id: vagtplan-for-helligdage
    title: Vagtplan for helligdage
    since: 2025-12-04
    update: Gennemført.
    status: closed
  - id: databehandleraftaler
    title: Databehandleraftaler for chatbotten
    since: 2025-12-04
    owner: Sekretariatet
    update: Udkast sendt.
    status: open
    note: Tages op i marts.
---

## Referat

Godkendt.
`;

export const FIRST_KPI = `---
title: KPI’er for 4. kvartal
types: [O, D]
track: kontaktcenter
followups:
  - title: Opgørelse af ventetid
    owner: Camilla Friis
    due: 2026-03-12
---

Tallene.
`;

/** The first meeting's open points as the next meeting's approval item lists them, up to the status line. */
export const CARRIED_DATABEHANDLER = `  - id: databehandleraftaler
    title: Databehandleraftaler for chatbotten
    since: 2025-12-04
    owner: Sekretariatet
`;

export const CARRIED_VENTETID = `  - id: opgoerelse-af-ventetid
    title: Opgørelse af ventetid
    since: 2026-01-27
    owner: Camilla Friis
    due: 2026-03-12
`;

/** ddh.yaml, the plan and an approved first meeting on 2026-01-27. */
export function repoWithFirstMeeting(status: 'approved' | 'draft' = 'approved'): FileMap {
  return {
    'ddh.yaml': CONFIG,
    'meetings/plan.yaml': PLAN,
    'meetings/2026-01-27/meeting.yaml': `date: 2026-01-27\nstatus: ${status}\n`,
    'meetings/2026-01-27/10-velkomst.md': '---\ntitle: Velkomst\n---\n',
    'meetings/2026-01-27/20-godkendelse.md': FIRST_APPROVAL,
    'meetings/2026-01-27/30-kpi.md': FIRST_KPI,
  };
}

/** The message a rejected promise carries: every diagnostic of the DdhError, formatted as the CLI prints them. */
export async function errorText(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DdhError) return error.message;
    throw error;
  }
  throw new Error('expected a DdhError, but the call succeeded');
}

/** Every file under `root` with its bytes, keyed by relative path: for proving that nothing was touched. */
export async function snapshotTree(root: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const abs = path.join(entry.parentPath, entry.name);
    out.set(path.relative(root, abs), await readFile(abs));
  }
  return out;
}
