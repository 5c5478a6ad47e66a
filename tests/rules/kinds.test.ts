import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/load/index.js';
import { kindLabel, nextMeetingsHeading, planEntryKind, trackLabel } from '../../src/rules/kinds.js';

describe('kinds and tracks', () => {
  const config = { ...defaultConfig(), tracks: { ai: 'DDH AI Services' } };
  it('looks labels up as own keys only', () => {
    expect(kindLabel(config, 'repræsentantskabsmøde')).toBe('Repræsentantskabsmøde');
    expect(kindLabel(config, 'constructor')).toBe('Constructor');
    expect(trackLabel(config, 'ai')).toBe('DDH AI Services');
    expect(trackLabel(config, 'constructor')).toBeUndefined();
    expect(trackLabel(config, 'toString')).toBeUndefined();
  });
  it('gives a plan entry without a kind the first configured kind', () => {
    expect(planEntryKind(config, { date: '2026-01-01' })).toBe('styregruppemøde');
    expect(planEntryKind({ ...config, kinds: { bestyrelsesmøde: 'Bestyrelsesmøde' } }, { date: '2026-01-01' })).toBe('bestyrelsesmøde');
  });
  it('names the coming meetings after the configured kinds', () => {
    expect(nextMeetingsHeading(config)).toBe('Næste styregruppemøder og repræsentantskabsmøder');
    expect(nextMeetingsHeading({ ...config, kinds: { bestyrelsesmøde: 'Bestyrelsesmøde' } })).toBe('Næste bestyrelsesmøder');
  });
});
