// The load stage's one public entry: find a repository, resolve a meeting reference, load and validate meetings.

export { findRepository, resolveMeetingRef, defaultConfig } from './repository.js';
export { loadMeeting, readMeeting, type LoadedMeeting } from './meeting.js';
export { validateRepository } from './validate.js';
export { readSourceText, decodeSource, splitFrontMatter, sanitizeText, type SourceText, type FrontMatter } from './source.js';
export { parseYaml } from './yaml.js';
