// What the templates see: a pure function of repository, meeting and options, every field ready to print.

import path from 'node:path';
import { fail } from '../diagnostics.js';
import type { DocMeta } from '../doc.js';
import type { AgendaItem, Attachment, Config, FollowUp, Meeting, Person, Repository, TypeCode } from '../model.js';
import { carriedPoints, pointsOpenAfter } from '../rules/carry-forward.js';
import { formatDateLong, formatDateShort } from '../rules/dates.js';
import { consecutiveRuns, danishList, letter, type Run } from '../rules/numbering.js';
import { kindLabel, nextMeetingsHeading, planEntryKind, trackLabel } from '../rules/kinds.js';
import { compareText } from '../rules/order.js';
import { itemVisibility, visiblePoints, type Selection } from '../rules/selection.js';
import { escapeText, linkDestination, normaliseMarkdown } from './escape.js';

export type DocumentKind = 'agenda' | 'minutes';

/**
 * `track`: only items of this track (a key of ddh.yaml `tracks`) and items with no track, original numbers kept, and
 * the points in `otherTrackOrigin` are left out; `public`: closed items show only their number and title, and the
 * points in `closedOrigin` are left out.
 */
export interface RenderOptions extends Selection {
  document: DocumentKind;
}

/** Items are level-2 headings; their own headings move below them. */
const ITEM_HEADING_SHIFT = 2;

const DOCUMENT_LABEL: Record<DocumentKind, string> = { agenda: 'Dagsorden', minutes: 'Referat' };

/** A link: `text` is escaped Markdown, `destination` is ready to sit between the parentheses. */
export interface LinkView {
  text: string;
  destination: string;
}

export interface AttachmentView {
  title: string;
  /** The link destination of a URL attachment; null for a file. */
  link: string | null;
}

export interface SubItemView {
  /** 1-based: printed as a letter. */
  position: number;
  title: string;
  types: TypeCode[];
  presenter: string | null;
}

export interface PointView {
  /** 1-based position in the carried list: printed as A, B, C. */
  position: number;
  title: string;
  owner: string | null;
  /** YYYY-MM-DD */
  since: string;
  /** Markdown. */
  update: string;
  /** Markdown; minutes only. */
  note: string;
}

export interface ApprovalView {
  points: PointView[];
  /** The points that have an update, in runs of consecutive letters (one lettered list each). */
  updates: Run<PointView>[];
  /** Minutes only: the points that have a note. */
  notes: Run<PointView>[];
  /** Minutes only: "A og C", the points removed from the follow-up list; '' when none. */
  closedLetters: string;
  /** Minutes only: the points that stay on the list. */
  openLetters: string;
}

export interface NewFollowUpView {
  title: string;
  owner: string | null;
  due: string | null;
}

export interface ItemView {
  number: number;
  title: string;
  types: TypeCode[];
  /** A closed item (lukket punkt). */
  closed: boolean;
  /** A closed item in a public render: everything but number and title is left empty. */
  withheld: boolean;
  presenter: string | null;
  attachments: AttachmentView[];
  subitems: SubItemView[];
  /** Markdown fields, normalised: '' when empty. */
  introduction: string;
  proposal: string[];
  /** Minutes only. */
  minutesText: string;
  /** Minutes only. */
  decision: string;
  /** Minutes only: new follow-up points agreed under the item. */
  followups: NewFollowUpView[];
  approval: ApprovalView | null;
}

export interface OpenPointView {
  /**
   * The point's letter as a number (1 = A), as this document already letters it: a carried point keeps its letter
   * from the approval item, a new point continues after the carried list's last letter.
   */
  position: number;
  title: string;
  owner: string | null;
  since: string;
}

export interface PlannedMeetingView {
  /** YYYY-MM-DD */
  date: string;
  kind: string;
  place: string;
  /** As written in the plan, e.g. "10:00-14:00"; null when not given. */
  time: string | null;
}

/** The root context of the agenda and minutes templates. Plain-text fields are escaped Markdown already. */
export interface MeetingView {
  document: DocumentKind;
  minutes: boolean;
  /** Minutes not yet approved: printed UDKAST. */
  draft: boolean;
  public: boolean;
  /** "Dagsorden DDH Styregruppemøde", with "– Uddrag: <track>" for an extract. */
  title: string;
  organisation: string;
  short: string;
  kind: string;
  /** YYYY-MM-DD */
  date: string;
  /** YYYY-MM-DD: the day the agenda went out. The built-in agenda prints it; the minutes leave it out. */
  issued: string | null;
  /** As written, e.g. "10:00-14:00"; the `timeSpan` helper prints "Kl. 10-14". */
  time: string | null;
  place: string | null;
  host: string | null;
  chair: string | null;
  attachmentsUrl: LinkView | null;
  absent: string[];
  remote: string[];
  guests: string[];
  /** The overview list: runs of consecutive item numbers (an extract has gaps). */
  agenda: Run<ItemView>[];
  items: ItemView[];
  /** Minutes only: the follow-up points open after the meeting. */
  openAfter: OpenPointView[];
  nextMeetings: PlannedMeetingView[];
  /** "Næste styregruppemøder og repræsentantskabsmøder", from the kinds in ddh.yaml. */
  nextMeetingsHeading: string;
}

function orNull(text: string | undefined): string | null {
  return text === undefined || text.trim() === '' ? null : escapeText(text);
}

function personText(person: Person): string {
  return escapeText(person.org === undefined || person.org === '' ? person.name : `${person.name}, ${person.org}`);
}

function markdown(text: string | undefined): string {
  return text === undefined ? '' : normaliseMarkdown(text, ITEM_HEADING_SHIFT);
}

/** The track's label, or a DdhError naming the tracks that exist. */
function requireTrack(config: Config, track: string): string {
  const label = trackLabel(config, track);
  if (label !== undefined) return label;
  const known = Object.keys(config.tracks);
  return fail('', `--track '${track}' is not a track in ddh.yaml`, {
    rule: 'usage',
    hint: known.length === 0 ? 'ddh.yaml defines no tracks; add them under `tracks:`' : `use one of: ${known.join(', ')}`,
  });
}

/** The meeting pack's label: the agenda and the attachments together. */
const PACK_LABEL = 'Bilagspakke';

/** "Dagsorden DDH Styregruppemøde" and, for an extract, "Uddrag: DDH AI Services"; unescaped. */
function titleParts(repo: Repository, meeting: Meeting, label: string, track: string | undefined): { base: string; extract: string | undefined } {
  return {
    base: `${label} ${repo.config.short} ${kindLabel(repo.config, meeting.kind)}`,
    extract: track === undefined ? undefined : `Uddrag: ${requireTrack(repo.config, track)}`,
  };
}

/** "Dagsorden DDH Styregruppemøde 05.12.2024", then " – Uddrag: …" for an extract: a file's title property. */
function datedTitle(repo: Repository, meeting: Meeting, label: string, track: string | undefined): string {
  const { base, extract } = titleParts(repo, meeting, label, track);
  const dated = `${base} ${formatDateShort(meeting.date)}`;
  return extract === undefined ? dated : `${dated} – ${extract}`;
}

/** The meeting pack's title, "Bilagspakke DDH Styregruppemøde 28.04.2026", named as the agenda and minutes are. */
export function packTitle(repo: Repository, meeting: Meeting, options: Pick<RenderOptions, 'track'>): string {
  return datedTitle(repo, meeting, PACK_LABEL, options.track);
}

/** Minutes carry a draft marking until the meeting's status is `approved`; an agenda never does. */
function isDraft(meeting: Meeting, options: RenderOptions): boolean {
  return options.document === 'minutes' && meeting.status !== 'approved';
}

function attachmentView(attachment: Attachment): AttachmentView {
  return { title: escapeText(attachment.title), link: attachment.url === undefined ? null : linkDestination(attachment.url) };
}

function pointView(point: FollowUp, index: number, minutes: boolean): PointView {
  return {
    position: index + 1,
    title: escapeText(point.title),
    owner: orNull(point.owner),
    since: point.since,
    update: markdown(point.update),
    note: minutes ? markdown(point.note) : '',
  };
}

/** The approval item's points as shown: lettered by their place in the list the render shows. */
function approvalView(carried: readonly FollowUp[], minutes: boolean): ApprovalView {
  const points = carried.map((p, i) => pointView(p, i, minutes));
  const letters = (closed: boolean): string =>
    minutes ? danishList(carried.flatMap((p, i) => ((p.status === 'closed') === closed ? [letter(i + 1, true)] : []))) : '';
  return {
    points,
    updates: consecutiveRuns(points.filter((p) => p.update !== ''), (p) => p.position),
    notes: consecutiveRuns(points.filter((p) => p.note !== ''), (p) => p.position),
    closedLetters: letters(true),
    openLetters: letters(false),
  };
}

function withheldView(item: AgendaItem): ItemView {
  return {
    number: item.number,
    title: escapeText(item.title),
    types: [],
    closed: true,
    withheld: true,
    presenter: null,
    attachments: [],
    subitems: [],
    introduction: '',
    proposal: [],
    minutesText: '',
    decision: '',
    followups: [],
    approval: null,
  };
}

function itemView(item: AgendaItem, minutes: boolean, selection: Selection): ItemView {
  return {
    number: item.number,
    title: escapeText(item.title),
    types: item.types,
    closed: item.closed,
    withheld: false,
    presenter: orNull(item.presenter),
    attachments: item.attachments.map(attachmentView),
    subitems: item.subitems.map((s, i) => ({ position: i + 1, title: escapeText(s.title), types: s.types, presenter: orNull(s.presenter) })),
    introduction: markdown(item.introduction),
    proposal: item.proposal.map(markdown).filter((p) => p !== ''),
    minutesText: minutes ? markdown(item.minutes) : '',
    decision: minutes ? markdown(item.decision) : '',
    followups: minutes ? item.followups.map((f) => ({ title: escapeText(f.title), owner: orNull(f.owner), due: f.due ?? null })) : [],
    approval: item.kind === 'approval' ? approvalView(visiblePoints(item.carried, selection), minutes) : null,
  };
}

/**
 * The points open after the meeting, lettered so the minutes never give one point two letters: the approval item
 * has just said "Punkt C fortsætter", so C stays C here, and new points take the letters after the carried list's
 * last one. The next meeting's documents letter their own list from A, by position.
 */
function openAfterView(meeting: Meeting, selection: Selection): OpenPointView[] {
  // The letters the approval item gave the points it shows.
  const carried = visiblePoints(carriedPoints(meeting), selection);
  const carriedLetter = new Map(carried.map((p, i) => [p.id, i + 1]));
  let next = carried.length;
  return visiblePoints(pointsOpenAfter(meeting), selection).map((p) => ({
    position: carriedLetter.get(p.id) ?? ++next,
    title: escapeText(p.title),
    owner: orNull(p.owner),
    since: p.since,
  }));
}

function plannedMeeting(repo: Repository, entry: Repository['plan'][number]): PlannedMeetingView {
  const where = [entry.place, entry.host].filter((s): s is string => s !== undefined && s.trim() !== '');
  return {
    date: entry.date,
    kind: escapeText(kindLabel(repo.config, planEntryKind(repo.config, entry))),
    place: escapeText([...new Set(where)].join(' / ')),
    time: entry.time ?? null,
  };
}

/** Builds the templates' view of a meeting. Throws a DdhError for an unknown track. */
export function buildView(repo: Repository, meeting: Meeting, options: RenderOptions): MeetingView {
  const minutes = options.document === 'minutes';
  const { base, extract } = titleParts(repo, meeting, DOCUMENT_LABEL[options.document], options.track);
  const selection: Selection = options;
  const visible = meeting.items.filter((item) => itemVisibility(item, selection) !== 'hidden');
  const items = visible.map((item) => (itemVisibility(item, selection) === 'closed' ? withheldView(item) : itemView(item, minutes, selection)));
  const shown = visible.filter((item) => itemVisibility(item, selection) === 'shown');
  const openAfter = minutes ? openAfterView({ ...meeting, items: shown }, selection) : [];
  return {
    document: options.document,
    minutes,
    draft: isDraft(meeting, options),
    public: options.public === true,
    title: escapeText(extract === undefined ? base : `${base} – ${extract}`),
    organisation: escapeText(repo.config.organisation),
    short: escapeText(repo.config.short),
    kind: escapeText(kindLabel(repo.config, meeting.kind)),
    date: meeting.date,
    issued: meeting.issued ?? null,
    time: meeting.time ?? null,
    place: orNull(meeting.place),
    host: orNull(meeting.host),
    chair: orNull(meeting.chair),
    attachmentsUrl:
      meeting.attachmentsUrl === undefined ? null : { text: escapeText(meeting.attachmentsUrl), destination: linkDestination(meeting.attachmentsUrl) },
    absent: meeting.absent.map(personText),
    remote: meeting.remote.map(personText),
    guests: meeting.guests.map(personText),
    agenda: consecutiveRuns(items, (item) => item.number),
    items,
    openAfter,
    nextMeetings: repo.plan
      .filter((entry) => entry.date > meeting.date)
      .sort((a, b) => compareText(a.date, b.date))
      .map((entry) => plannedMeeting(repo, entry)),
    nextMeetingsHeading: escapeText(nextMeetingsHeading(repo.config)),
  };
}

/** The metadata every document of a repository shares, around what tells this one apart. */
export function repositoryMeta(repo: Repository, own: Pick<DocMeta, 'title' | 'subject' | 'date' | 'draft'>): DocMeta {
  // Keys in the order the front matter has always shown them.
  const meta: DocMeta = {
    title: own.title,
    subject: own.subject,
    author: repo.config.organisation,
    lang: 'da-DK',
    date: own.date,
    draft: own.draft,
    header: repo.config.organisation,
    font: repo.config.style.font,
    colour: repo.config.style.colour,
  };
  const logo = logoName(repo);
  if (logo !== undefined) meta.logo = logo;
  return meta;
}

/** The document's metadata, written as the Markdown's front matter. The date is the meeting's, never the render day. */
export function documentMeta(repo: Repository, meeting: Meeting, options: RenderOptions): DocMeta {
  return repositoryMeta(repo, {
    title: datedTitle(repo, meeting, DOCUMENT_LABEL[options.document], options.track),
    subject: `${kindLabel(repo.config, meeting.kind)} ${formatDateLong(meeting.date)}`,
    date: meeting.date,
    draft: isDraft(meeting, options),
  });
}

/**
 * The logo as a path relative to the repository, forward slashes: the same on every machine, so the
 * Markdown and the documents do not change with where the repository is checked out.
 */
export function logoName(repo: Repository): string | undefined {
  const logo = repo.config.style.logo;
  return logo === undefined ? undefined : path.relative(repo.root, path.resolve(repo.root, logo)).split(path.sep).join('/');
}
