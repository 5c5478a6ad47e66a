// The pack's bookmarks: the agenda's own outline kept as it is, one top-level entry per attachment after it.

import type { PDFDict, PDFDocument, PDFRef } from 'pdf-lib';
import type { PdfLib } from './pack-load.js';

/** A top-level bookmark that opens a page. */
export interface OutlineEntry {
  title: string;
  page: PDFRef;
}

/** The items of one outline level, following /First and /Next, stopping at a loop. */
function children(lib: PdfLib, parent: PDFDict): PDFDict[] {
  const { PDFDict: Dict, PDFName } = lib;
  const items: PDFDict[] = [];
  let item = parent.lookupMaybe(PDFName.of('First'), Dict);
  while (item !== undefined && !items.includes(item)) {
    items.push(item);
    item = item.lookupMaybe(PDFName.of('Next'), Dict);
  }
  return items;
}

/** Items a viewer shows at first: each child, and the children of open items (a positive /Count). */
function visibleCount(lib: PdfLib, parent: PDFDict, seen: Set<PDFDict>): number {
  let count = 0;
  for (const item of children(lib, parent)) {
    if (seen.has(item)) continue;
    seen.add(item);
    const own = item.lookupMaybe(lib.PDFName.of('Count'), lib.PDFNumber);
    count += 1 + (own !== undefined && own.asNumber() > 0 ? visibleCount(lib, item, seen) : 0);
  }
  return count;
}

/**
 * Appends `entries` as top-level bookmarks after the document's own outline. A document without one gets
 * `first` (the agenda's first page) in front, so the bookmarks start at the agenda.
 */
export function appendOutline(lib: PdfLib, doc: PDFDocument, entries: readonly OutlineEntry[], first: OutlineEntry): void {
  const { PDFDict: Dict, PDFName, PDFHexString, PDFNumber, PDFRef } = lib;
  const { context, catalog } = doc;
  const root = catalog.lookupMaybe(PDFName.of('Outlines'), Dict) ?? context.obj({ Type: 'Outlines' });
  const held = catalog.get(PDFName.of('Outlines'));
  const rootRef = held instanceof PDFRef ? held : context.register(root);
  catalog.set(PDFName.of('Outlines'), rootRef);
  const existing = children(lib, root);
  const all = existing.length === 0 ? [first, ...entries] : entries;
  const refs = all.map(() => context.nextRef());
  const last = existing.at(-1);
  let previous = last === undefined ? undefined : { dict: last, ref: context.getObjectRef(last) };
  for (const [index, entry] of all.entries()) {
    const ref = refs[index]!;
    const item = context.obj({});
    item.set(PDFName.of('Title'), PDFHexString.fromText(entry.title));
    item.set(PDFName.of('Parent'), rootRef);
    item.set(PDFName.of('Dest'), context.obj([entry.page, PDFName.of('Fit')]));
    if (previous !== undefined) {
      previous.dict.set(PDFName.of('Next'), ref);
      if (previous.ref !== undefined) item.set(PDFName.of('Prev'), previous.ref);
    }
    context.assign(ref, item);
    previous = { dict: item, ref };
  }
  if (refs.length > 0) {
    if (existing.length === 0) root.set(PDFName.of('First'), refs[0]!);
    root.set(PDFName.of('Last'), refs[refs.length - 1]!);
  }
  root.set(PDFName.of('Count'), PDFNumber.of(visibleCount(lib, root, new Set())));
  catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
