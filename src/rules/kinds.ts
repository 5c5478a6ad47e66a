// Meeting kinds and tracks: their labels from ddh.yaml, looked up as own keys only.

import type { Config, PlanEntry } from '../model.js';

/** The label of a meeting kind: from ddh.yaml, else the key with a capital first letter. */
export function kindLabel(config: Config, kind: string): string {
  return Object.hasOwn(config.kinds, kind) ? config.kinds[kind]! : kind.charAt(0).toUpperCase() + kind.slice(1);
}

/** The kind key of a plan entry: without one, the first kind in the settings (styregruppemøde by default). */
export function planEntryKind(config: Config, entry: PlanEntry): string {
  return entry.kind ?? Object.keys(config.kinds)[0] ?? '';
}

/** The label of a track, or undefined when ddh.yaml declares no such track. */
export function trackLabel(config: Config, track: string): string | undefined {
  return Object.hasOwn(config.tracks, track) ? config.tracks[track] : undefined;
}

/**
 * "Næste styregruppemøder og repræsentantskabsmøder": the heading over the coming meetings, from the
 * kinds in ddh.yaml (a Danish noun in -e takes -r in the plural).
 */
export function nextMeetingsHeading(config: Config): string {
  const plurals = Object.values(config.kinds).map((label) => {
    const lower = label.toLowerCase();
    return lower.endsWith('e') ? `${lower}r` : lower;
  });
  const list = plurals.length <= 1 ? plurals.join('') : `${plurals.slice(0, -1).join(', ')} og ${plurals.at(-1)}`;
  return list === '' ? 'Næste møder' : `Næste ${list}`;
}
