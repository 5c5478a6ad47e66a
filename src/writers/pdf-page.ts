// Page furniture: the running header with organisation and logo, "Side X af Y", and the UDKAST marking of drafts.

import type { DocMeta } from '../doc.js';
import { A4, type PdfImage } from './pdf-document.js';
import type { Painter } from './pdf-paint.js';

/** The DOCX writer's page: margins 2.5 cm at the top and 2 cm elsewhere, header and footer 1 cm from the edge, in points. */
export const MARGIN = { top: 70.9, right: 56.7, bottom: 56.7, left: 56.7 } as const;
const HEADER_FROM_EDGE = 28.35;
const FOOTER_FROM_EDGE = 28.35;

const FURNITURE_SIZE = 9;
const FURNITURE_COLOUR = '595959';
const DRAFT_WORD = 'UDKAST';
const DRAFT_COLOUR = 'C00000';
const WATERMARK_COLOUR = '#EBEBEB';
const HEADER_RULE_COLOUR = '#A6A6A6';
const WATERMARK_SIZE = 130;
const LOGO_MAX = { width: 160, height: 34 };

/**
 * Draws the draft watermark: the word set diagonally in large pale letters, as outlines rather than text so that
 * it stays out of copied and extracted text (the header carries UDKAST as text). Call on a fresh page, before its
 * content, so that it lies beneath.
 */
export function drawWatermark(painter: Painter): void {
  const { pdf, fonts } = painter;
  const font = fonts.font(fonts.primary('bold'));
  // Outlines from fontkit's own glyphs: the writer's layout may give glyphs that carry metrics only.
  const glyphs = Array.from(DRAFT_WORD, (c) => font.glyphForCodePoint(c.charCodeAt(0)));
  const advance = glyphs.reduce((sum, g) => sum + g.advanceWidth, 0);
  const capHeight = fonts.metrics('bold').ascent * font.unitsPerEm * 0.68;
  const scale = WATERMARK_SIZE / font.unitsPerEm;
  const angle = (Math.atan2(A4.height, A4.width) * 180) / Math.PI;
  painter.artifact('Layout', () => {
    pdf.save();
    pdf.translate(A4.width / 2, A4.height / 2);
    pdf.rotate(-angle);
    pdf.scale(scale, -scale);
    pdf.translate(-advance / 2, -capHeight / 2);
    let x = 0;
    for (const glyph of glyphs) {
      for (const { command, args: a } of glyph.path.commands) {
        const p = a.map((v, i) => (i % 2 === 0 ? v + x : v));
        if (command === 'moveTo') pdf.moveTo(p[0] ?? 0, p[1] ?? 0);
        else if (command === 'lineTo') pdf.lineTo(p[0] ?? 0, p[1] ?? 0);
        else if (command === 'quadraticCurveTo') pdf.quadraticCurveTo(p[0] ?? 0, p[1] ?? 0, p[2] ?? 0, p[3] ?? 0);
        else if (command === 'bezierCurveTo') pdf.bezierCurveTo(p[0] ?? 0, p[1] ?? 0, p[2] ?? 0, p[3] ?? 0, p[4] ?? 0, p[5] ?? 0);
        else pdf.closePath();
      }
      x += glyph.advanceWidth;
    }
    pdf.fill(WATERMARK_COLOUR);
    pdf.restore();
  });
}

/** Draws header and footer on every page, once the page count is known. */
export function decoratePages(painter: Painter, meta: DocMeta, logo: PdfImage | undefined): void {
  const { pdf, fonts } = painter;
  const { ascent, descent } = fonts.metrics('regular');
  const headerBaseline = HEADER_FROM_EDGE + ascent * FURNITURE_SIZE;
  const footerBaseline = A4.height - FOOTER_FROM_EDGE - descent * FURNITURE_SIZE;
  const right = A4.width - MARGIN.right;
  const logoSize = logo === undefined ? undefined : fit(logo);
  const { start, count } = pdf.bufferedPageRange();
  for (let index = 0; index < count; index += 1) {
    pdf.switchToPage(start + index);
    painter.artifact('Pagination', () => {
      painter.text(meta.header, 'regular', FURNITURE_SIZE, FURNITURE_COLOUR, MARGIN.left, headerBaseline);
      // A thin rule under the header, as in the DOCX.
      const ruleY = headerBaseline + descent * FURNITURE_SIZE + 3;
      pdf.save().moveTo(MARGIN.left, ruleY).lineTo(right, ruleY).lineWidth(0.5).strokeColor(HEADER_RULE_COLOUR).stroke().restore();
      let edge = right;
      if (logo !== undefined && logoSize !== undefined) {
        edge -= logoSize.width;
        // Centred on the header text's x-height.
        pdf.image(logo, edge, headerBaseline - FURNITURE_SIZE * 0.3 - logoSize.height / 2, logoSize);
        edge -= 12;
      }
      if (meta.draft) {
        const width = painter.width(DRAFT_WORD, 'bold', FURNITURE_SIZE + 2);
        painter.text(DRAFT_WORD, 'bold', FURNITURE_SIZE + 2, DRAFT_COLOUR, edge - width, headerBaseline);
      }
      const footer = `Side ${index + 1} af ${count}`;
      const width = painter.width(footer, 'regular', FURNITURE_SIZE);
      painter.text(footer, 'regular', FURNITURE_SIZE, FURNITURE_COLOUR, (A4.width - width) / 2, footerBaseline);
    });
  }
}

function fit(image: PdfImage): { width: number; height: number } {
  const scale = Math.min(LOGO_MAX.width / image.width, LOGO_MAX.height / image.height);
  return { width: image.width * scale, height: image.height * scale };
}
