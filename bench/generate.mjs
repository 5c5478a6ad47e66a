// Generates benchmark repositories: meetings of N items (about 1.3 KB each, 17 KB for 13), optionally one huge item.
// Usage: node bench/generate.mjs DIR [--items 13] [--scale 1] [--meetings 1] [--huge BYTES]

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const WORDS = (
  'styregruppen drøftede kvaliteten i kontaktcentret og de nye tal for ventetid på telefonen samt svarprocenten ' +
  'i eftermiddagstimerne sekretariatet foreslår at vagtplanen justeres så flere agenter er på arbejde om mandagen ' +
  'kommunerne melder om gode erfaringer med varme omstillinger og ønsker fælles retningslinjer for henvisning ' +
  'chatbotten besvarer nu flere spørgsmål om digital post og MitID end sidste kvartal og fejlraten er faldet ' +
  'der er enighed om at tilfredshedsundersøgelsen skal gentages efter sommerferien med de samme spørgsmål'
).split(' ');

/** Deterministic pseudo-random text, so every run benchmarks the same bytes. */
function text(seed, words) {
  let x = (seed * 2654435761) % 4294967296;
  const out = [];
  for (let i = 0; i < words; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out.push(WORDS[x % WORDS.length]);
  }
  const s = out.join(' ');
  return `${s[0].toUpperCase()}${s.slice(1)}.`;
}

/** The closing paragraph of a huge item: a render that kept the whole item ends its text with it. */
export function hugeItemEnd(bytes) {
  return `Sidste afsnit af det store punkt på ${bytes} byte.`;
}

/** Paragraphs of generated text adding up to about `bytes`, then the closing paragraph. */
function hugeBody(bytes) {
  const paragraphs = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const paragraph = text(100000 + i, 45);
    paragraphs.push(paragraph);
    size += Buffer.byteLength(paragraph) + 2;
  }
  return [...paragraphs, hugeItemEnd(bytes)].join('\n\n');
}

function item(n, huge) {
  const approval = n === 3;
  const types = ['O', 'D', 'B'].filter((_, i) => (n + i) % 2 === 0 || i === 2);
  const introduction = huge > 0 ? hugeBody(huge) : [text(n * 100, 48), text(n * 100 + 1, 48)].join('\n\n');
  const front = [
    '---',
    `title: Punkt ${n} om drift og udvikling af hotlinen`,
    `types: [${types.join(', ')}]`,
    'presenter: DDH-sekretariatet',
    ...(approval ? ['kind: approval', 'carried: []'] : []),
    `proposal: Det indstilles, at styregruppen tager punkt ${n} til efterretning.`,
    `decision: Styregruppen godkendte indstillingen under punkt ${n}.`,
    '---',
  ];
  return `${front.join('\n')}\n${introduction}\n\n- første opmærksomhedspunkt\n- andet opmærksomhedspunkt\n\n## Referat\n\n${text(n * 1000, 40)}\n`;
}

/**
 * Writes a minutes repository into `dir` (which must exist): `meetings` meetings two weeks apart from 2000-01-03, each
 * of `items × scale` items; with `huge` > 0 the first item of each meeting has an introduction of about that many bytes.
 * Returns the meeting dates.
 */
export async function generateRepository(dir, { items = 13, scale = 1, meetings = 1, huge = 0 } = {}) {
  await writeFile(path.join(dir, 'ddh.yaml'), 'organisation: Den Digitale Hotline\nshort: DDH\n');
  await mkdir(path.join(dir, 'meetings'), { recursive: true });
  await writeFile(path.join(dir, 'meetings', 'plan.yaml'), '[]\n');
  const count = items * scale;
  const dates = Array.from({ length: meetings }, (_, m) => new Date(Date.UTC(2000, 0, 3 + 14 * m)).toISOString().slice(0, 10));
  for (const date of dates) {
    const folder = path.join(dir, 'meetings', date);
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, 'meeting.yaml'), `date: ${date}\nkind: styregruppemøde\ntime: "09:00-12:00"\nplace: Teams\nstatus: approved\n`);
    for (let n = 1; n <= count; n++) {
      // Prefixes of equal width, so that file names sort in item order at any count.
      const prefix = String(n * 10).padStart(String(count * 10).length, '0');
      await writeFile(path.join(folder, `${prefix}-punkt-${n}.md`), item(n, n === 1 ? huge : 0));
    }
  }
  return dates;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const [dir, ...rest] = process.argv.slice(2);
  if (dir === undefined) {
    console.error('usage: node bench/generate.mjs DIR [--items 13] [--scale 1] [--meetings 1] [--huge BYTES]');
    process.exit(1);
  }
  const opt = (name, fallback) => {
    const i = rest.indexOf(`--${name}`);
    return i >= 0 ? Number(rest[i + 1]) : fallback;
  };
  await mkdir(dir, { recursive: true });
  await generateRepository(dir, { items: opt('items', 13), scale: opt('scale', 1), meetings: opt('meetings', 1), huge: opt('huge', 0) });
}
