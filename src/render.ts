// The rendering pipeline: meeting → Markdown → Doc → writers → files. The only module that composes the stages.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFilesAtomic, type OutputFile } from './atomic-write.js';
import { DdhError, problem, type Diagnostic } from './diagnostics.js';
import type { Doc, WriterResult, WriterWarning } from './doc.js';
import { readMeeting, validateRepository } from './load/index.js';
import { parseMarkdown } from './markdown/index.js';
import type { FollowUp, Meeting, Repository } from './model.js';
import { carriedPoints, pointKey, pointsOfClosedItems, pointsOfOtherTracks } from './rules/carry-forward.js';
import { formatDateShort } from './rules/dates.js';
import { itemVisibility, type Selection } from './rules/selection.js';
import { packTitle, renderDecisionsMarkdown, renderMarkdown } from './templates/index.js';

export type OutputFormat = 'docx' | 'pdf' | 'md';
export type RenderDocument = 'agenda' | 'minutes' | 'pack';

export const OUTPUT_FORMATS: readonly OutputFormat[] = ['docx', 'pdf', 'md'];
const DEFAULT_FORMATS: readonly OutputFormat[] = ['docx', 'pdf'];

export interface RenderRequest {
  document: RenderDocument;
  /** Default: docx and pdf. The pack is always one PDF. */
  formats?: readonly string[];
  /** Output folder; default `<repository>/out/<date>/`. */
  outDir?: string;
  track?: string;
  public?: boolean;
  /**
   * Called with the absolute path of each file as soon as it is in place. When one output cannot be written the
   * render throws after writing the others; this is how a caller still learns which ones were written.
   */
  onWritten?: (file: string) => void;
}

export interface RenderResult {
  /** Absolute paths of the files written. */
  written: string[];
  warnings: Diagnostic[];
}

interface Assets {
  logo?: Uint8Array;
}

type Writer = (doc: Doc, assets?: Assets) => Promise<WriterResult>;

// Writers load only when their format is asked for: pdfkit and docx cost start-up time.
const WRITERS: Record<Exclude<OutputFormat, 'md'>, () => Promise<Writer>> = {
  docx: async () => (await import('./writers/docx.js')).writeDocx,
  pdf: async () => (await import('./writers/pdf.js')).writePdf,
};

function checkFormats(formats: readonly string[] | undefined): OutputFormat[] {
  const list = formats === undefined || formats.length === 0 ? [...DEFAULT_FORMATS] : [...new Set(formats)];
  const unknown = list.filter((f) => !(OUTPUT_FORMATS as readonly string[]).includes(f));
  if (unknown.length > 0) {
    throw new DdhError([
      problem('', `unknown output format ${unknown.map((f) => `'${f}'`).join(', ')}`, {
        rule: 'usage',
        hint: `use one or more of ${OUTPUT_FORMATS.join(', ')}, e.g. --format docx,pdf`,
      }),
    ]);
  }
  return list as OutputFormat[];
}

/** The output file name without extension, from the ddh.yaml pattern, marked for extracts and public versions. */
export function outputBaseName(repo: Repository, meeting: Meeting, request: RenderRequest): string {
  const pattern = repo.config.files[request.document];
  const base = pattern
    .replaceAll('{short}', repo.config.short)
    .replaceAll('{date}', formatDateShort(meeting.date))
    .replaceAll('{iso}', meeting.date)
    .replaceAll('{kind}', meeting.kind);
  const marks = [request.track === undefined ? '' : `_uddrag-${request.track}`, request.public === true ? '_offentlig' : ''];
  return safeFileName(`${base}${marks.join('')}`);
}

/** Characters Windows refuses in file names never reach the disk. */
function safeFileName(name: string): string {
  return name.replace(/[<>:"/\\|?*\u0000-\u001f]/g, '-');
}

/** A source's text, or nothing when it cannot be read. */
function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** Names the source file and line of each character a writer could not show, by looking for it in the sources. */
function locateWarnings(repo: Repository, meeting: Meeting, warnings: readonly WriterWarning[]): Diagnostic[] {
  if (warnings.length === 0) return [];
  const files = [`${meeting.relDir}/meeting.yaml`, ...meeting.items.map((item) => item.file)];
  const texts = files.map((rel) => ({ rel, text: readText(path.join(repo.root, ...rel.split('/'))) }));
  return warnings.map((w) => {
    for (const { rel, text } of texts) {
      const lines = text.split(/\r?\n/);
      for (const [i, line] of lines.entries()) {
        const column = w.chars === undefined ? -1 : [...w.chars].map((c) => line.indexOf(c)).find((c) => c >= 0) ?? -1;
        if (column >= 0) return problem(rel, w.message, { line: i + 1, column: column + 1, severity: 'warning', rule: 'render' });
      }
    }
    return problem(`${meeting.relDir}/meeting.yaml`, w.message, { severity: 'warning', rule: 'render' });
  });
}

function readAssets(repo: Repository): Assets {
  const logo = repo.config.style.logo;
  if (logo === undefined) return {};
  try {
    return { logo: new Uint8Array(readFileSync(logo)) };
  } catch (error) {
    throw new DdhError(
      [problem(repo.configFile === undefined ? 'ddh.yaml' : path.relative(repo.root, repo.configFile), `cannot read the logo ${logo}`, { field: 'style.logo', hint: 'point style.logo at a PNG or JPEG file inside the repository' })],
      { cause: error },
    );
  }
}

/** Which of a meeting's new points to find: `name` tells them apart in the cache. */
interface PointOrigin {
  name: string;
  points: (meeting: Meeting) => FollowUp[];
}

/** Points agreed under a closed item: their title and owner tell the closed matter. */
const CLOSED_ITEMS: PointOrigin = { name: 'closed', points: pointsOfClosedItems };

/** Points agreed under an item of another track than `track`. */
const otherTracks = (track: string): PointOrigin => ({ name: `track:${track}`, points: (meeting) => pointsOfOtherTracks(meeting, track) });

/**
 * The keys of the meeting's carried points that `origin` picks, read from the meetings that created them (each point's
 * `since`). A meeting that does not load stops the render rather than let such a point through; a `since` with no
 * meeting folder has nothing to tell.
 */
async function carriedFrom(repo: Repository, meeting: Meeting, origin: PointOrigin): Promise<Set<string>> {
  const origins = new Set(carriedPoints(meeting).map((p) => p.since).filter((d) => d < meeting.date && repo.meetingDates.includes(d)));
  const keys = new Set<string>();
  for (const date of origins) for (const key of await originKeys(repo, date, origin)) keys.add(key);
  return keys;
}

// Per repository, meeting and origin, so that rendering many meetings (--all --public) reads each origin once.
const originKeysOf = new WeakMap<Repository, Map<string, Promise<string[]>>>();

/** The keys of the points of the meeting of `date` that `origin` picks. */
function originKeys(repo: Repository, date: string, origin: PointOrigin): Promise<string[]> {
  let ofRepo = originKeysOf.get(repo);
  if (ofRepo === undefined) originKeysOf.set(repo, (ofRepo = new Map()));
  const cacheKey = `${origin.name} ${date}`;
  let keys = ofRepo.get(cacheKey);
  if (keys === undefined) {
    keys = readMeeting(repo, date).then(({ meeting }) => origin.points(meeting).map(pointKey));
    ofRepo.set(cacheKey, keys);
  }
  return keys;
}

/** The PDF attachments of the shown items, in item order, read from disk; other files give a warning. */
async function packParts(meeting: Meeting, request: RenderRequest) {
  const parts: import('./writers/pack.js').PackPart[] = [];
  const warnings: Diagnostic[] = [];
  for (const item of meeting.items) {
    if (itemVisibility(item, request) !== 'shown') continue;
    for (const [index, attachment] of item.attachments.entries()) {
      if (attachment.path === undefined) continue;
      if (path.extname(attachment.path).toLowerCase() !== '.pdf') {
        warnings.push(
          problem(item.file, `attachment '${attachment.file ?? attachment.title}' is not a PDF and is left out of the pack`, {
            field: `attachments[${index}]`,
            severity: 'warning',
            rule: 'pack',
            hint: 'export it as PDF to include it; the agenda still lists it',
          }),
        );
        continue;
      }
      parts.push({
        bookmark: `Punkt ${item.number} – ${attachment.title}`,
        stamp: `Bilag til punkt ${item.number}: ${item.title}`,
        bytes: new Uint8Array(readFileSync(attachment.path)),
        itemFile: item.file,
        attachment: attachment.file ?? attachment.title,
      });
    }
  }
  if (parts.length === 0) {
    // Not an error (the pack is still worth sending), but likely not what was meant by asking for one.
    warnings.push(
      problem(`${meeting.relDir}/meeting.yaml`, 'no PDF attachments; the pack is the agenda alone', {
        severity: 'warning',
        rule: 'pack',
        hint: "name PDF files under an item's attachments (file: bilag/….pdf) to put them in the pack",
      }),
    );
  }
  return { parts, warnings };
}

/** Parses the Markdown once and runs each requested writer on the Doc; Markdown itself is an output too. */
async function produce(repo: Repository, markdown: string, formats: readonly OutputFormat[], base: string) {
  const outputs: OutputFile[] = [];
  const warnings: WriterWarning[] = [];
  if (formats.includes('md')) outputs.push({ path: `${base}.md`, bytes: markdown });
  const binary = formats.filter((f): f is Exclude<OutputFormat, 'md'> => f !== 'md');
  if (binary.length === 0) return { outputs, warnings };
  const doc = parseMarkdown(markdown);
  const assets = readAssets(repo);
  for (const format of binary) {
    const result = await (await WRITERS[format]())(doc, assets);
    warnings.push(...result.warnings);
    outputs.push({ path: `${base}.${format}`, bytes: result.bytes });
  }
  return { outputs, warnings, doc };
}

async function writeOutputs(repo: Repository, outputs: OutputFile[], onWritten: ((file: string) => void) | undefined): Promise<string[]> {
  for (const o of outputs) o.display = path.relative(repo.root, o.path).split(path.sep).join('/');
  writeFilesAtomic(outputs, onWritten === undefined ? undefined : (o) => onWritten(o.path));
  return outputs.map((o) => o.path);
}

/**
 * Renders one meeting's agenda, minutes or pack into files. Nothing is written unless every requested
 * output was produced; each file is then written atomically.
 */
export async function renderMeeting(repo: Repository, date: string, request: RenderRequest): Promise<RenderResult> {
  const formats = checkFormats(request.document === 'pack' ? request.formats ?? ['pdf'] : request.formats);
  if (request.document === 'pack' && formats.join() !== 'pdf') {
    throw new DdhError([problem('', 'the meeting pack is always one PDF', { rule: 'usage', hint: 'leave out --format, or render the agenda in other formats' })]);
  }
  const { meeting, warnings } = await readMeeting(repo, date);
  const selection: Selection = { track: request.track, public: request.public };
  if (request.public === true) selection.closedOrigin = await carriedFrom(repo, meeting, CLOSED_ITEMS);
  if (request.track !== undefined) selection.otherTrackOrigin = await carriedFrom(repo, meeting, otherTracks(request.track));
  const markdown = await renderMarkdown(repo, meeting, { document: request.document === 'minutes' ? 'minutes' : 'agenda', ...selection });
  const outDir = request.outDir ?? path.join(repo.root, 'out', meeting.date);
  const base = path.join(outDir, outputBaseName(repo, meeting, request));
  const produced = await produce(repo, markdown, formats, base);
  const writerWarnings = produced.warnings;
  let outputs = produced.outputs;

  if (request.document === 'pack' && produced.doc !== undefined) {
    const { parts, warnings: packWarnings } = await packParts(meeting, request);
    warnings.push(...packWarnings);
    const { writePack } = await import('./writers/pack.js');
    const agenda = outputs[0]!.bytes as Uint8Array;
    const pack = await writePack(agenda, parts, { title: packTitle(repo, meeting, selection), date: meeting.date, lang: produced.doc.meta.lang });
    writerWarnings.push(...pack.warnings);
    outputs = [{ path: `${base}.pdf`, bytes: pack.bytes }];
  }

  const written = await writeOutputs(repo, outputs, request.onWritten);
  return { written, warnings: [...warnings, ...locateWarnings(repo, meeting, writerWarnings)] };
}

export interface DecisionsRequest {
  formats?: readonly string[];
  /** Output folder; default `<repository>/out/`. */
  outDir?: string;
  /** Only the meetings of this year. */
  year?: string;
  public?: boolean;
  /** As for a meeting's documents: each file's absolute path once it is in place. */
  onWritten?: (file: string) => void;
}

/** Renders the decision register (beslutningsprotokol) of every valid meeting, or one year's. */
export async function renderDecisions(repo: Repository, request: DecisionsRequest): Promise<RenderResult> {
  const formats = checkFormats(request.formats);
  if (request.year !== undefined && !/^\d{4}$/.test(request.year)) {
    throw new DdhError([problem('', `--year must be a year like 2026, not '${request.year}'`, { rule: 'usage' })]);
  }
  const { meetings, diagnostics } = await validateRepository(repo);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  // A register with a meeting silently missing would mislead: every meeting must read cleanly.
  if (errors.length > 0) throw new DdhError(errors);
  const markdown = await renderDecisionsMarkdown(repo, meetings, { year: request.year, public: request.public });
  const name = `${repo.config.short}-beslutningsprotokol_${request.year ?? 'alle'}${request.public === true ? '_offentlig' : ''}`;
  const base = path.join(request.outDir ?? path.join(repo.root, 'out'), safeFileName(name));
  const { outputs, warnings } = await produce(repo, markdown, formats, base);
  const written = await writeOutputs(repo, outputs, request.onWritten);
  return { written, warnings: warnings.map((w) => problem('', w.message, { severity: 'warning', rule: 'render' })) };
}
