// Types of the YAML files as schema/*.json define them: generated, do not edit. Run `npm run gen:types`.

// ddh.schema.json
/**
 * Organisation settings of a minutes repository. Every key is optional: built-in defaults serve without them.
 */
export interface DdhFile {
  /**
   * The organisation's full name, used in document titles and headers, e.g. "Den Digitale Hotline".
   */
  organisation?: string;
  /**
   * The short name used in file names and headers, e.g. "DDH".
   */
  short?: string;
  /**
   * Meeting kinds: key (as written in meeting.yaml `kind`) to the label printed in documents, e.g. `styregruppemøde: Styregruppemøde`. Replaces the built-in kinds when given.
   */
  kinds?: {
    [k: string]: string | undefined;
  };
  /**
   * Tracks: key (as written in an item's `track`) to label, e.g. `ai: DDH AI Services`. Renders can be limited to one track.
   */
  tracks?: {
    [k: string]: string | undefined;
  };
  /**
   * The items `ddh new-meeting` starts every meeting with, in order. Replaces the built-in Danish list when given.
   */
  standing_items?: StandingItemEntry[];
  /**
   * Output file name patterns; each one left out keeps its default.
   */
  files?: {
    /**
     * File name of the agenda, without extension. Placeholders: {short}, {date} (05.12.2024), {iso} (2024-12-05), {kind}.
     */
    agenda?: string;
    /**
     * File name of the minutes, without extension; same placeholders as `agenda`.
     */
    minutes?: string;
    /**
     * File name of the attachment pack, without extension; same placeholders as `agenda`.
     */
    pack?: string;
  };
  /**
   * Look of the documents; each setting left out keeps its default.
   */
  style?: {
    /**
     * Font family used in the DOCX, e.g. "Calibri"; the PDF embeds a metric-compatible font.
     */
    font?: string;
    /**
     * Path of a PNG or JPEG logo for the header, relative to the repository root.
     */
    logo?: string;
    /**
     * Heading colour as six hexadecimal digits without '#', e.g. "1F4E79".
     */
    colour?: string;
  };
}
/**
 * A standing item.
 */
export interface StandingItemEntry {
  /**
   * The item's title.
   */
  title: string;
  /**
   * Type codes: O (orientering), D (drøftelse), B (beslutning); each at most once, printed in the order O, D, B.
   */
  types?: ('O' | 'D' | 'B')[];
  /**
   * Who presents the item (printed "V/ …").
   */
  presenter?: string;
  /**
   * The proposed decision (indstilling): one text, or a list of texts, one per point. Markdown.
   */
  proposal?: string | string[];
  /**
   * `item` (the default) or `approval`: the item that approves the previous minutes and carries the follow-up points.
   */
  kind?: 'item' | 'approval';
}

// plan.schema.json
/**
 * The meeting plan: one entry per coming meeting. `ddh new-meeting` takes kind, place, host and time from it; documents list the dates after a meeting.
 */
export type PlanFile = PlanEntryEntry[];

/**
 * One planned meeting.
 */
export interface PlanEntryEntry {
  /**
   * Date of the meeting, YYYY-MM-DD.
   */
  date: string;
  /**
   * Meeting kind, a key from ddh.yaml `kinds`; default styregruppemøde.
   */
  kind?: string;
  /**
   * Mødested: where the meeting is held, e.g. a town hall or "Teams".
   */
  place?: string;
  /**
   * Vært: the hosting municipality or organisation.
   */
  host?: string;
  /**
   * Time of day as written, e.g. "10:00-14:00".
   */
  time?: string;
}

// members.schema.json
/**
 * Optional roster of the members, so that attendance lists may name only the person.
 */
export type MembersFile = MemberEntry[];

/**
 * One member.
 */
export interface MemberEntry {
  /**
   * The person's name.
   */
  name: string;
  /**
   * The organisation, usually the municipality.
   */
  org: string;
  /**
   * An optional role, e.g. "formand".
   */
  role?: string;
}

// meeting.schema.json
/**
 * A person: "Navn, Kommune" (split at the last comma), a name alone (looked up in members.yaml), or {name, org}.
 */
export type PersonEntry =
  | string
  | {
      /**
       * The person's name.
       */
      name: string;
      /**
       * The person's organisation.
       */
      org?: string;
    };

/**
 * The facts of one meeting, in meetings/<date>/meeting.yaml.
 */
export interface MeetingFile {
  /**
   * Date of the meeting, YYYY-MM-DD; must equal the folder name.
   */
  date: string;
  /**
   * Meeting kind, a key from ddh.yaml `kinds`; default styregruppemøde.
   */
  kind?: string;
  /**
   * Time of day as written, e.g. "10:00-14:00"; quote it if it is only digits.
   */
  time?: string;
  /**
   * Mødested: where the meeting is held.
   */
  place?: string;
  /**
   * Vært: the hosting municipality or organisation.
   */
  host?: string;
  /**
   * The date printed at the top of the agenda, YYYY-MM-DD; left out of the document when not given.
   */
  issued?: string;
  /**
   * Mødeleder: who chairs the meeting.
   */
  chair?: string;
  /**
   * Where the attachments are published ("Find bilag til punkterne her").
   */
  attachments_url?: string;
  /**
   * Afbud: people who sent their apologies.
   */
  absent?: PersonEntry[];
  /**
   * People who took part online ("Deltog via Teams").
   */
  remote?: PersonEntry[];
  /**
   * Guests at the meeting.
   */
  guests?: PersonEntry[];
  /**
   * `draft` (the default) or `approved`: approved minutes carry no draft marking.
   */
  status?: 'draft' | 'approved';
}

// item.schema.json
export type AttachmentEntry =
  | string
  | {
      /**
       * The attachment's title as printed.
       */
      title: string;
      /**
       * The attachment file, relative to the meeting folder, e.g. bilag/budget.pdf.
       */
      file?: string;
      /**
       * A web address of the attachment.
       */
      url?: string;
    };

/**
 * The front matter of an agenda item file (meetings/<date>/NN-slug.md).
 */
export interface ItemFrontMatter {
  /**
   * The item's title; required.
   */
  title: string;
  /**
   * Type codes: O (orientering), D (drøftelse), B (beslutning); each at most once, printed in the order O, D, B.
   */
  types?: ('O' | 'D' | 'B')[];
  /**
   * Who presents the item (printed "V/ …").
   */
  presenter?: string;
  /**
   * Attachments: a title alone, or {title, file, url}. `file` is relative to the meeting folder and must stay inside the repository.
   */
  attachments?: AttachmentEntry[];
  /**
   * The proposed decision (indstilling): one text, or a list of texts, one per point. Markdown.
   */
  proposal?: string | string[];
  /**
   * The decision taken, short; it goes into the decision register. Markdown.
   */
  decision?: string;
  /**
   * Sub-items, printed as a, b, c.
   */
  subitems?: SubItemEntry[];
  /**
   * New follow-up points agreed under this item; the next meeting carries them.
   */
  followups?: FollowUpEntry[];
  /**
   * Key of a track from ddh.yaml `tracks`.
   */
  track?: string;
  /**
   * `true` for a closed item (lukket punkt): left out of public renders.
   */
  closed?: boolean;
  /**
   * `item` (the default) or `approval`: the item that approves the previous minutes and carries the follow-up points.
   */
  kind?: 'item' | 'approval';
  /**
   * Approval items only: the follow-up points carried in from the previous meeting (`ddh carry` writes them).
   */
  carried?: CarriedEntry[];
}
export interface SubItemEntry {
  /**
   * The sub-item's title.
   */
  title: string;
  /**
   * Type codes: O (orientering), D (drøftelse), B (beslutning); each at most once, printed in the order O, D, B.
   */
  types?: ('O' | 'D' | 'B')[];
  /**
   * Who presents the sub-item.
   */
  presenter?: string;
}
export interface FollowUpEntry {
  /**
   * What is to be followed up.
   */
  title: string;
  /**
   * Who follows up.
   */
  owner?: string;
  /**
   * When, YYYY-MM-DD.
   */
  due?: string;
}
export interface CarriedEntry {
  /**
   * Stable id of the point: lowercase letters, digits and hyphens.
   */
  id: string;
  /**
   * What is to be followed up.
   */
  title: string;
  /**
   * Date of the meeting that created the point, YYYY-MM-DD.
   */
  since: string;
  /**
   * Who follows up.
   */
  owner?: string;
  /**
   * When, YYYY-MM-DD.
   */
  due?: string;
  /**
   * Opfølgning: the status written before the meeting.
   */
  update?: string;
  /**
   * `open`, or `closed` when the meeting removes the point from the follow-up list.
   */
  status: 'open' | 'closed';
  /**
   * A remark, e.g. when the point is taken up again.
   */
  note?: string;
}
