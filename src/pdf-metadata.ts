// The XMP metadata of the PDFs ddh writes, shared by the PDF writer (inside pdfkit's packet) and the pack (a packet of its own).

/** What a PDF says about itself, as the Info dictionary says it too. */
export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  /** BCP 47 language tag. */
  lang: string;
  /** The document's creation and modification date. */
  date: Date;
  /** The application that made the content ("ddh"): XMP CreatorTool, Info /Creator. */
  creator: string;
  /** The library that wrote the file: XMP pdf:Producer, Info /Producer. */
  producer: string;
}

/** Text for XML character data and attributes, by number so that no entity table is needed. */
function xml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The rdf:Description elements: dates and tool, Dublin Core title, author, subject and language, the producer. */
export function xmpDescriptions(meta: PdfMetadata): string {
  const stamp = meta.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
  <xmp:CreateDate>${stamp}</xmp:CreateDate>
  <xmp:ModifyDate>${stamp}</xmp:ModifyDate>
  <xmp:CreatorTool>${xml(meta.creator)}</xmp:CreatorTool>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(meta.title)}</rdf:li></rdf:Alt></dc:title>
  <dc:creator><rdf:Seq><rdf:li>${xml(meta.author)}</rdf:li></rdf:Seq></dc:creator>
  <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(meta.subject)}</rdf:li></rdf:Alt></dc:description>
  <dc:language><rdf:Bag><rdf:li>${xml(meta.lang)}</rdf:li></rdf:Bag></dc:language>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
  <pdf:Producer>${xml(meta.producer)}</pdf:Producer>
</rdf:Description>`;
}

/** A whole XMP packet holding `xmpDescriptions`, claiming no conformance (no PDF/UA or PDF/A part). */
export function xmpPacket(meta: PdfMetadata): string {
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    xmpDescriptions(meta),
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}
