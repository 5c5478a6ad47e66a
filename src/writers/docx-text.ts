// Removes the characters XML 1.0 cannot hold (and Unicode noncharacters) from text bound for a DOCX part.

/** Text made safe for XML, and each run of removed characters exactly as it stood in the input. */
export interface CleanText {
  text: string;
  removed: string[];
}

/** What cleanXmlText removes: C0 controls but tab, line feed and carriage return; lone surrogates; noncharacters. */
const UNWANTED = /[\0-\x08\x0B\x0C\x0E-\x1F\p{Cs}\p{Noncharacter_Code_Point}]/u;

/**
 * Keeps tab, line feed and carriage return, every character XML 1.0 allows, and drops the rest: other C0 controls,
 * unpaired surrogates and the noncharacters (U+FDD0–U+FDEF and U+xFFFE/U+xFFFF in every plane), which Word and
 * LibreOffice reject even where the XML grammar would let them pass.
 */
export function cleanXmlText(input: string): CleanText {
  // Almost all text has nothing to remove: one scan by the regular expression engine, rather than a loop that
  // rebuilds the string character by character.
  if (!UNWANTED.test(input)) return { text: input, removed: [] };
  let text = '';
  const removed: string[] = [];
  let pending = '';
  for (let i = 0; i < input.length; i += 1) {
    const unit = input.charCodeAt(i);
    let char = input[i] as string;
    let ok: boolean;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = input.charCodeAt(i + 1);
      ok = next >= 0xdc00 && next <= 0xdfff;
      if (ok) {
        char = input.slice(i, i + 2);
        i += 1;
        ok = !isNoncharacter(char.codePointAt(0) as number);
      }
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      ok = false;
    } else {
      ok = (unit >= 0x20 || unit === 0x09 || unit === 0x0a || unit === 0x0d) && !isNoncharacter(unit);
    }
    if (ok) {
      if (pending !== '') removed.push(pending);
      pending = '';
      text += char;
    } else {
      pending += char;
    }
  }
  if (pending !== '') removed.push(pending);
  return { text, removed };
}

function isNoncharacter(codePoint: number): boolean {
  return (codePoint >= 0xfdd0 && codePoint <= 0xfdef) || (codePoint & 0xfffe) === 0xfffe;
}

/** `U+FFFE U+D800`: how removed characters are named in messages, since most of them cannot be printed. */
export function describeChars(chars: string): string {
  const names: string[] = [];
  for (let i = 0; i < chars.length; i += 1) {
    const unit = chars.charCodeAt(i);
    const pair = unit >= 0xd800 && unit <= 0xdbff && (chars.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const codePoint = pair ? (chars.codePointAt(i) as number) : unit;
    if (pair) i += 1;
    names.push(`U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`);
  }
  return names.join(' ');
}
