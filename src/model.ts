// The domain model: what the load stage builds from a minutes repository and every later stage reads.

/** Type codes of an agenda item: orientering, drøftelse, beslutning; always kept in this order. */
export type TypeCode = 'O' | 'D' | 'B';
export const TYPE_CODES: readonly TypeCode[] = ['O', 'D', 'B'];

/** A person in attendance lists; `org` may be filled from members.yaml. */
export interface Person {
  name: string;
  org?: string;
}

export interface Attachment {
  title: string;
  /** As written: relative to the meeting folder. */
  file?: string;
  url?: string;
  /** Absolute path of `file`, checked to exist and to stay inside the repository. */
  path?: string;
}

export interface SubItem {
  title: string;
  types: TypeCode[];
  presenter?: string;
}

/** A follow-up point agreed under an item at this meeting (`followups` in the front matter). */
export interface NewFollowUp {
  title: string;
  owner?: string;
  /** YYYY-MM-DD */
  due?: string;
}

export type FollowUpStatus = 'open' | 'closed';

/** A follow-up point carried into a meeting's approval item (`carried` in the front matter). */
export interface FollowUp {
  /** Stable slug, unique within the list. */
  id: string;
  title: string;
  /** Date of the meeting that created the point. */
  since: string;
  owner?: string;
  due?: string;
  /** Status text written before the meeting ("Opfølgning"). */
  update?: string;
  /** As decided at the meeting: `closed` means removed from the follow-up list. */
  status: FollowUpStatus;
  /** A remark, e.g. when the point is taken up again. */
  note?: string;
}

export type ItemKind = 'item' | 'approval';

export interface AgendaItem {
  /** Source file, relative to the repository root with forward slashes. */
  file: string;
  /** The numeric prefix of the file name (`10` of `10-kpi.md`); only sorts. */
  prefix: number;
  /** The printed number: the 1-based position among the meeting's items. */
  number: number;
  title: string;
  types: TypeCode[];
  presenter?: string;
  attachments: Attachment[];
  /** The proposed decision (indstilling), one entry per point; Markdown. */
  proposal: string[];
  /** The decision taken, short; Markdown. */
  decision?: string;
  subitems: SubItem[];
  followups: NewFollowUp[];
  track?: string;
  closed: boolean;
  kind: ItemKind;
  /** Approval items only: the follow-up points carried in. */
  carried: FollowUp[];
  /** Markdown before the `## Referat` heading: printed in the agenda. */
  introduction: string;
  /** Markdown after the `## Referat` heading: printed only in the minutes. */
  minutes: string;
  /** 1-based line in `file` where the introduction and the minutes text start. */
  introductionLine: number;
  minutesLine: number;
}

export type MeetingStatus = 'draft' | 'approved';

export interface Meeting {
  /** YYYY-MM-DD, equal to the folder name. */
  date: string;
  /** Absolute path of the meeting folder. */
  dir: string;
  /** The meeting folder relative to the repository root, forward slashes: `meetings/2025-01-28`. */
  relDir: string;
  /** Key of the kind (`styregruppemøde`); its label is in the config's `kinds`. */
  kind: string;
  /** e.g. "10:00-14:00", as written. */
  time?: string;
  place?: string;
  host?: string;
  issued?: string;
  chair?: string;
  attachmentsUrl?: string;
  absent: Person[];
  remote: Person[];
  guests: Person[];
  status: MeetingStatus;
  /** In file-name order; `number` is the position. */
  items: AgendaItem[];
}

/** An item `new-meeting` starts a meeting with. */
export interface StandingItem {
  title: string;
  types?: TypeCode[];
  presenter?: string;
  proposal?: string | string[];
  kind?: ItemKind;
}

export interface FileNamePatterns {
  /** Placeholders: {short}, {date} (05.12.2024), {iso} (2024-12-05), {kind}. No extension. */
  agenda: string;
  minutes: string;
  pack: string;
}

export interface Style {
  /** Font family name used in the DOCX; the PDF embeds a metric-compatible font. */
  font: string;
  /** Path of a PNG or JPEG logo, resolved against the repository root. */
  logo?: string;
  /** Heading colour as six hex digits, no '#'. */
  colour: string;
}

/** ddh.yaml with every default filled in. */
export interface Config {
  organisation: string;
  short: string;
  /** Kind key to label: `styregruppemøde: Styregruppemøde`. */
  kinds: Record<string, string>;
  /** Track key to label: `ai: DDH AI Services`. */
  tracks: Record<string, string>;
  standingItems: StandingItem[];
  files: FileNamePatterns;
  style: Style;
}

export interface PlanEntry {
  date: string;
  kind?: string;
  place?: string;
  host?: string;
  time?: string;
}

export interface Member {
  name: string;
  org: string;
  role?: string;
}

/** A minutes repository as found on disk: its settings and the meetings it holds (not yet read). */
export interface Repository {
  /** Absolute, real path of the repository root. */
  root: string;
  /** Absolute path of ddh.yaml, when there is one. */
  configFile?: string;
  config: Config;
  plan: PlanEntry[];
  members: Member[];
  /** Dates of the meeting folders under meetings/, ascending. */
  meetingDates: string[];
  /**
   * Settings ddh.yaml gives but that could not be read, so that the built-in defaults stand in for them: the checks
   * against them (meeting kinds, tracks) are left out. Only a repository read to collect its problems has any.
   */
  unreadSettings?: ('kinds' | 'tracks')[];
}
