// The WordprocessingML fragments the DOCX writer is built from: escaping, property order and run content.

import { describe, expect, it } from 'vitest';
import { escapeXml, paragraphProps, runContent, runProps } from '../../src/writers/docx-xml.js';

describe('docx-xml', () => {
  it('escapes & < > and " and leaves every other character as it is', () => {
    expect(escapeXml(`a & b < c > d "e" 'f' æ – {{x}}`)).toBe(`a &amp; b &lt; c &gt; d &quot;e&quot; 'f' æ – {{x}}`);
    expect(escapeXml('&amp;')).toBe('&amp;amp;');
  });

  it('writes paragraph properties in schema order whatever order they are given in', () => {
    const xml = paragraphProps({
      outlineLevel: 1,
      centred: true,
      contextualSpacing: true,
      indent: { left: 567, hanging: 397 },
      spacing: { after: 0, before: 60, line: 264 },
      tabs: [{ type: 'right', position: 9638 }],
      bottomBorder: { size: 4, space: 4, colour: 'A6A6A6' },
      list: { numId: 3, level: 1 },
      pageBreakBefore: true,
      keepLines: true,
      keepNext: true,
      style: 'ListParagraph',
    });
    const tags = [...xml.matchAll(/<(w:[A-Za-z]+)/g)].map((m) => m[1]);
    expect(tags).toEqual(['w:pPr', 'w:pStyle', 'w:keepNext', 'w:keepLines', 'w:pageBreakBefore', 'w:numPr', 'w:ilvl', 'w:numId', 'w:pBdr', 'w:bottom', 'w:tabs', 'w:tab', 'w:spacing', 'w:ind', 'w:contextualSpacing', 'w:jc', 'w:outlineLvl']);
    expect(paragraphProps({ keepNext: undefined, pageBreakBefore: false })).toBe('');
  });

  it('writes run properties in schema order, and nothing for a plain run', () => {
    const xml = runProps({ lang: { val: 'da-DK', bidi: 'ar-SA' }, underline: '0563C1', size: 18, colour: '595959', italic: true, bold: true, font: 'Calibri', style: 'Hyperlink' });
    const tags = [...xml.matchAll(/<(w:[A-Za-z]+)/g)].map((m) => m[1]);
    expect(tags).toEqual(['w:rPr', 'w:rStyle', 'w:rFonts', 'w:b', 'w:bCs', 'w:i', 'w:iCs', 'w:color', 'w:sz', 'w:szCs', 'w:u', 'w:lang']);
    expect(runProps({ bold: false, italic: false })).toBe('');
  });

  it('splits text into w:t, w:tab and w:br, keeping spaces and leaving out empty pieces', () => {
    expect(runContent('a & b')).toBe('<w:t xml:space="preserve">a &amp; b</w:t>');
    expect(runContent('x\ty\r\nz\n')).toBe('<w:t xml:space="preserve">x</w:t><w:tab/><w:t xml:space="preserve">y</w:t><w:br/><w:t xml:space="preserve">z</w:t><w:br/>');
    expect(runContent('\t\t')).toBe('<w:tab/><w:tab/>');
    expect(runContent('')).toBe('');
  });
});
