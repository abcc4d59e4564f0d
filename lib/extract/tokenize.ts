/**
 * One pass over the character codes of a text, producing word tokens: where each word is, its shape as
 * written, what separates it from the previous word, and a hash of its lower-cased letters and digits.
 *
 * Everything else in the extractor works on these tokens: the catalogue lookup joins neighbouring words
 * (so "GSM8K", "GSM-8K" and "GSM 8K" meet), topic phrases compare word ids, and discovery and results
 * look at the shape and gap bits recorded here instead of running regexes over the whole text. Word keys
 * are never built as strings on this path (issue 3: stay within 3x of lower-casing and splitting the text);
 * `tokenKey` builds one on demand for the rare places that need it.
 */

// Shape of the token as written (bits of `Tokens.info`).
export const UPPER_FIRST = 1; // "Mamo", "GSM8K"
export const UPPER_INNER = 1 << 1; // an upper-case letter after the first character: "HotpotQA", "GSM8K"
export const HAS_LOWER = 1 << 2;
export const HAS_DIGIT = 1 << 3;
export const HAS_ALPHA = 1 << 4;
export const CAMEL = 1 << 5; // a lower-case letter followed by an upper-case one: "RewardBench"
export const NON_ASCII = 1 << 6;
export const DIGIT_FIRST = 1 << 7; // "8K", "2WikiMultiHopQA"
// What separates the token from the previous one.
export const GAP_HYPHEN = 1 << 8; // "-" or "_": "MMLU-Pro", "BIG-bench"
export const GAP_SPACE = 1 << 9; // white space
export const GAP_HARD = 1 << 10; // clause punctuation: , ; : ( ) [ ] { } " ! ? or a sentence end
export const GAP_SENTENCE = 1 << 11; // ". " "! " "? " or a blank line: a new sentence starts here
export const GAP_COMMA = 1 << 12;
export const GAP_OPEN_PAREN = 1 << 13; // "(" or "[" right before the token
export const GAP_CLOSE_PAREN = 1 << 14; // ")" or "]" between the previous token and this one
export const GAP_LATEX = 1 << 15; // "\" right before the token: a LaTeX command name, not prose
export const GAP_COLON = 1 << 16;
export const GAP_NONE = 1 << 17; // the synthetic "plus" token of "HumanEval+"
export const GAP_APOSTROPHE = 1 << 18; // "'" or "’": "AIME'24", "ValuePrism's"
export const GAP_PERCENT = 1 << 19; // "%" between the previous token and this one
export const TRAILING_PERCENT = 1 << 20; // the token is followed by "%" (or "\%"): "5.4%"
export const GAP_SLASH = 1 << 21; // "/": "CNN/DailyMail", "GSM8K/MATH"
export const NAME_SUFFIX = 1 << 22; // ends like a benchmark name: "...bench" ("RewardBench", "XBench") or "...QA"

export interface Tokens {
  /**
   * The text the offsets refer to is `parts` joined by a separator, never built on the hot path: each part
   * starts at `partStarts[p]`; read it with `textCodeAt`, `sliceText`, or `fullText`.
   */
  parts: string[];
  partStarts: number[];
  /** The separator's character code (a paragraph break: "\n"). */
  separatorCode: number;
  starts: Int32Array;
  ends: Int32Array;
  /** Shape and gap bits, see the constants above. */
  info: Int32Array;
  /** Hashes of the lower-cased key (see `hashString` and `hash2String`). */
  hashes: Int32Array;
  hashes2: Int32Array;
  /** Id of the word in the lexicon, -1 when it has none (filled by the scan). */
  ids: Int32Array;
  length: number;
}

// Character classes for ASCII: 1 = lower-case letter, 2 = upper-case letter, 3 = digit, 0 = separator.
const ASCII_CLASS = new Uint8Array(128);
for (let c = 97; c <= 122; c++) ASCII_CLASS[c] = 1;
for (let c = 65; c <= 90; c++) ASCII_CLASS[c] = 2;
for (let c = 48; c <= 57; c++) ASCII_CLASS[c] = 3;

/** Word characters beyond ASCII: letters of Latin-1/Latin Extended, Greek, Cyrillic, CJK ... not punctuation. */
function isWordCodeBeyondAscii(code: number): boolean {
  if (code < 0xc0) return false; // Latin-1 punctuation and symbols (« » ° ± · ...)
  if (code === 0xd7 || code === 0xf7) return false; // × ÷
  if (code >= 0x2000 && code <= 0x2bff) return false; // general punctuation, arrows, math operators, symbols
  if (code >= 0x3000 && code <= 0x303f) return false; // CJK punctuation
  if (code >= 0xd800 && code <= 0xdfff) return false; // surrogates: emoji and other astral symbols
  if (code >= 0xfe30 && code <= 0xfe4f) return false;
  if (code >= 0xff00 && code <= 0xff0f) return false; // full-width punctuation
  return true;
}

/** Lower-case form of one character code beyond ASCII (rare: kept off the fast path). */
function lowerBeyondAscii(code: number): number {
  return String.fromCharCode(code).toLowerCase().charCodeAt(0);
}

/** Lower-cased character code of text[i] (word characters only). */
export function lowerCodeAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 128) return code >= 65 && code <= 90 ? code + 32 : code;
  return lowerBeyondAscii(code);
}

/** Character code at position i of the tokens' text (NaN past its end, like `charCodeAt`). */
export function textCodeAt(tokens: Tokens, i: number): number {
  const { parts, partStarts } = tokens;
  for (let p = parts.length - 1; p >= 0; p--) {
    const start = partStarts[p]!;
    if (i < start) continue;
    const part = parts[p]!;
    if (i - start < part.length) return part.charCodeAt(i - start);
    return p + 1 < parts.length ? tokens.separatorCode : NaN;
  }
  return NaN;
}

export function lowerTextCodeAt(tokens: Tokens, i: number): number {
  const code = textCodeAt(tokens, i);
  if (code < 128) return code >= 65 && code <= 90 ? code + 32 : code;
  return lowerBeyondAscii(code);
}

/** The part that holds position i, and where it starts. */
export function partAt(tokens: Tokens, i: number): { part: string; start: number } {
  const { parts, partStarts } = tokens;
  let p = parts.length - 1;
  while (p > 0 && i < partStarts[p]!) p--;
  return { part: parts[p] ?? '', start: partStarts[p] ?? 0 };
}

/** text.slice(start, end) of the tokens' text; cut from one part when it lies in one (it always does for words). */
export function sliceText(tokens: Tokens, start: number, end: number): string {
  const { part, start: partStart } = partAt(tokens, start);
  if (end - partStart <= part.length) return part.slice(start - partStart, end - partStart);
  return fullText(tokens).slice(start, end);
}

/** The whole text (title, paragraph break, abstract), built on demand. */
export function fullText(tokens: Tokens): string {
  return tokens.parts.length === 1 ? tokens.parts[0]! : tokens.parts.join(String.fromCharCode(tokens.separatorCode).repeat(2));
}

/**
 * Two polynomial hashes of the lower-cased key (bases 31 and 0x01000193, mod 2^32), which with the key's
 * length make a 64-bit fingerprint: lookups need no string compare. Polynomial hashes compose, so the key
 * of words joined ("GSM" + "8K") is hashed from the words' hashes without reading characters again.
 */
export const BASE1 = 31;
export const BASE2 = 0x01000193;
const POWERS = 64;
const POW1 = new Int32Array(POWERS);
const POW2 = new Int32Array(POWERS);
POW1[0] = 1;
POW2[0] = 1;
for (let k = 1; k < POWERS; k++) {
  POW1[k] = Math.imul(POW1[k - 1]!, BASE1);
  POW2[k] = Math.imul(POW2[k - 1]!, BASE2);
}

function power(table: Int32Array, base: number, exponent: number): number {
  if (exponent < POWERS) return table[exponent]!;
  let result = table[POWERS - 1]!;
  for (let k = POWERS - 1; k < exponent; k++) result = Math.imul(result, base);
  return result;
}

export function hashString(key: string): number {
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = (Math.imul(hash, BASE1) + key.charCodeAt(i)) | 0;
  return hash;
}

export function hash2String(key: string): number {
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = (Math.imul(hash, BASE2) + key.charCodeAt(i)) | 0;
  return hash;
}

/** Hash of a key joined from one with hash `left` and one with hash `right` and length `rightLength`. */
export function joinHash(left: number, right: number, rightLength: number): number {
  return (Math.imul(left, power(POW1, BASE1, rightLength)) + right) | 0;
}

export function joinHash2(left: number, right: number, rightLength: number): number {
  return (Math.imul(left, power(POW2, BASE2, rightLength)) + right) | 0;
}

/** Length of the key of token t ("plus" tokens count 4). */
export function tokenKeyLength(tokens: Tokens, t: number): number {
  return tokens.info[t]! & GAP_NONE ? 4 : tokens.ends[t]! - tokens.starts[t]!;
}

/** The lower-cased key of token t, built as a string (off the fast path). */
export function tokenKey(tokens: Tokens, t: number): string {
  if (tokens.info[t]! & GAP_NONE) return 'plus';
  let key = '';
  for (let i = tokens.starts[t]!, end = tokens.ends[t]!; i < end; i++) key += String.fromCharCode(lowerTextCodeAt(tokens, i));
  return key;
}

/** Lower-cased keys of tokens first..last joined: "MM-RLHF" -> "mmrlhf". */
export function joinedKey(tokens: Tokens, first: number, last: number): string {
  let key = '';
  for (let t = first; t <= last; t++) key += tokenKey(tokens, t);
  return key;
}

/** Whether the lower-cased keys of tokens first..last, joined, spell `key`. */
export function spellsKey(tokens: Tokens, first: number, last: number, key: string): boolean {
  const { starts, ends, info } = tokens;
  let k = 0;
  for (let t = first; t <= last; t++) {
    if (info[t]! & GAP_NONE) {
      if (!key.startsWith('plus', k)) return false;
      k += 4;
      continue;
    }
    for (let i = starts[t]!, end = ends[t]!; i < end; i++, k++) {
      if (k >= key.length || key.charCodeAt(k) !== lowerTextCodeAt(tokens, i)) return false;
    }
  }
  return k === key.length;
}

// Buffers reused by every call on the hot path (extraction is synchronous, so one set is enough).
let capacity = 0;
let shared: Tokens | undefined;

function buffersFor(size: number): Tokens {
  if (!shared || capacity < size) {
    capacity = Math.max(size, capacity * 2, 1024);
    shared = {
      parts: [],
      partStarts: [],
      separatorCode: 10,
      starts: new Int32Array(capacity),
      ends: new Int32Array(capacity),
      info: new Int32Array(capacity),
      hashes: new Int32Array(capacity),
      hashes2: new Int32Array(capacity),
      ids: new Int32Array(capacity),
      length: 0,
    };
  }
  return shared;
}

const PLUS_HASH = hashString('plus');
const PLUS_HASH2 = hash2String('plus');

/**
 * Tokens of `text`. With `reuse` (the extraction hot path) the result lives in shared buffers and is only
 * valid until the next call; without it, a fresh copy.
 */
export function tokenize(text: string, reuse = false): Tokens {
  return tokenizeParts([text], '', reuse);
}

const PLAIN_ASCII = /^[\x20-\x2a\x2c-\x7e]*$/;
const NON_ALNUM = /[^A-Za-z0-9]+/;

/**
 * The words of a short text (a catalogue name, a topic phrase) as lower-cased keys and as written, split
 * exactly where the tokenizer splits text (so a name and its mention in an abstract get the same keys).
 */
export function wordsOf(text: string): { keys: string[]; written: string[] } {
  // Its own loop rather than tokenizeParts: names are short slices of the data files, and feeding them to
  // the hot loop would teach V8 that it reads sliced strings (measured: the tokenizer then runs 2x slower).
  if (PLAIN_ASCII.test(text)) {
    // Most names: printable ASCII without "+", where words are exactly the runs of letters and digits.
    // (Native split, and no callback per word: this runs thousands of times while the tables are built,
    // mostly before the JIT has compiled anything. Lower-casing ASCII moves no word boundary.)
    const written = text.split(NON_ALNUM);
    const keys = text.toLowerCase().split(NON_ALNUM);
    // Only the ends can be empty: text that starts or ends with a separator.
    if (written[0] === '') {
      written.shift();
      keys.shift();
    }
    if (written.length > 0 && written[written.length - 1] === '') {
      written.pop();
      keys.pop();
    }
    return { keys, written };
  }
  const keys: string[] = [];
  const written: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isWordAt(text, i)) {
      i++;
      continue;
    }
    const start = i;
    let ascii = true;
    while (i < text.length && isWordAt(text, i)) if (text.charCodeAt(i++) > 127) ascii = false;
    const word = text.slice(start, i);
    let key = ascii ? word.toLowerCase() : '';
    if (!ascii) for (let k = start; k < i; k++) key += String.fromCharCode(lowerCodeAt(text, k));
    keys.push(key);
    written.push(word);
    if (text.charCodeAt(i) === 43 /* + */ && !isWordAt(text, i + 1)) {
      keys.push('plus'); // as tokenizePart does: "HumanEval+" is not "HumanEval"
      written.push('+');
      i++;
    }
  }
  return { keys, written };
}

/** What the tokenizer asks about each word as it ends (the lexicon): its id, or -1. */
export interface WordLookup {
  probe(hash: number, hash2: number, length: number): number;
}

export function tokenizeParts(parts: string[], separator: string, reuse = false, lookup?: WordLookup): Tokens {
  let total = 0;
  for (const part of parts) total += part.length + separator.length;
  // A "plus" token needs two characters of its own ("a+ b+ ..."), so the token count stays below the length.
  const tokens = buffersFor(total + 2);
  let count = 0;
  let offset = 0;
  const partStarts: number[] = [];
  for (const part of parts) {
    partStarts.push(offset);
    count = tokenizePart(part, offset, tokens, count, lookup);
    offset += part.length + separator.length;
  }
  tokens.parts = parts;
  tokens.partStarts = partStarts;
  tokens.separatorCode = separator ? separator.charCodeAt(0) : 10;
  tokens.length = count;
  if (reuse) return tokens;
  return {
    parts,
    partStarts,
    separatorCode: tokens.separatorCode,
    starts: tokens.starts.slice(0, count),
    ends: tokens.ends.slice(0, count),
    info: tokens.info.slice(0, count),
    hashes: tokens.hashes.slice(0, count),
    hashes2: tokens.hashes2.slice(0, count),
    ids: tokens.ids.slice(0, count),
    length: count,
  };
}

/** Appends the tokens of `text` (which starts at `offset` of the whole) after the first `count` tokens. */
function tokenizePart(text: string, offset: number, tokens: Tokens, count: number, lookup?: WordLookup): number {
  const { starts, ends, info, hashes, hashes2, ids } = tokens;
  const n = text.length;
  let gap = GAP_HARD | GAP_SENTENCE; // each part starts a sentence
  let i = 0;
  while (i < n) {
    let code = text.charCodeAt(i);
    let cls = code < 128 ? ASCII_CLASS[code]! : isWordCodeBeyondAscii(code) ? 4 : 0;
    if (cls === 0) {
      gap |= gapBitsOf(code, text, i);
      i++;
      continue;
    }
    const start = i;
    let shape = cls === 2 ? UPPER_FIRST : cls === 3 ? DIGIT_FIRST : 0;
    let prevCls = 0;
    let hash = 0;
    let hash2 = 0;
    for (;;) {
      if (cls === 2) {
        shape |= prevCls === 1 ? HAS_ALPHA | UPPER_INNER | CAMEL : i > start ? HAS_ALPHA | UPPER_INNER : HAS_ALPHA;
        code += 32;
      } else if (cls === 1) shape |= HAS_LOWER | HAS_ALPHA;
      else if (cls === 3) shape |= HAS_DIGIT;
      else {
        shape |= NON_ASCII | HAS_ALPHA;
        code = lowerBeyondAscii(code);
      }
      hash = (Math.imul(hash, BASE1) + code) | 0;
      hash2 = (Math.imul(hash2, BASE2) + code) | 0;
      prevCls = cls;
      i++;
      if (i >= n) break;
      code = text.charCodeAt(i);
      cls = code < 128 ? ASCII_CLASS[code]! : isWordCodeBeyondAscii(code) ? 4 : 0;
      if (cls === 0) break;
    }
    starts[count] = offset + start;
    ends[count] = offset + i;
    info[count] = shape | gap | (i - start > 4 && endsLikeName(text, start, i) ? NAME_SUFFIX : 0);
    hashes[count] = hash;
    hashes2[count] = hash2;
    // Looked up while the word is fresh, instead of in a second pass over the arrays.
    ids[count] = lookup === undefined ? -1 : lookup.probe(hash, hash2, i - start);
    count++;
    gap = 0;
    if (i >= n) break;
    // "HumanEval+" and "MBPP+" are other benchmarks than HumanEval and MBPP: keep the plus as a token.
    if (code === 43 /* + */ && !isWordAt(text, i + 1)) {
      starts[count] = offset + i;
      ends[count] = offset + i + 1;
      info[count] = GAP_NONE;
      hashes[count] = PLUS_HASH;
      hashes2[count] = PLUS_HASH2;
      ids[count] = lookup === undefined ? -1 : lookup.probe(PLUS_HASH, PLUS_HASH2, 4);
      count++;
      i++;
    } else if (code === 37 /* % */ || (code === 92 && text.charCodeAt(i + 1) === 37)) {
      info[count - 1] = info[count - 1]! | TRAILING_PERCENT; // "5.4%", "53\%"
    } else if (code === 32 && text.charCodeAt(i + 1) === 37) {
      info[count - 1] = info[count - 1]! | TRAILING_PERCENT; // "5.4 %"
    }
  }
  return count;
}

/** "...bench" in any case (RewardBench, X-bench) or "...QA" in capitals (EquityMedQA), ending at `end`. */
function endsLikeName(text: string, start: number, end: number): boolean {
  const last = text.charCodeAt(end - 1);
  if (last === 104 || last === 72) {
    return (
      end - start > 5 &&
      (text.charCodeAt(end - 2) | 32) === 99 &&
      (text.charCodeAt(end - 3) | 32) === 110 &&
      (text.charCodeAt(end - 4) | 32) === 101 &&
      (text.charCodeAt(end - 5) | 32) === 98
    );
  }
  return last === 65 && text.charCodeAt(end - 2) === 81;
}

function isWordAt(text: string, i: number): boolean {
  if (i >= text.length) return false;
  const code = text.charCodeAt(i);
  return code < 128 ? ASCII_CLASS[code] !== 0 : isWordCodeBeyondAscii(code);
}

function gapBitsOf(code: number, text: string, i: number): number {
  switch (code) {
    case 32: // space
    case 9:
    case 0xa0:
      return GAP_SPACE;
    case 10: // newline: a blank line is a paragraph break
    case 13:
      return text.charCodeAt(i + 1) === 10 || text.charCodeAt(i + 1) === 13 ? GAP_HARD | GAP_SENTENCE : GAP_SPACE;
    case 45: // -
    case 95: // _
    case 0x2010:
    case 0x2011:
      return GAP_HYPHEN;
    case 46: // .
      // "2.0", "v1.5", "e.g." keep going; ". " ends a sentence.
      return isWordAt(text, i + 1) ? 0 : GAP_HARD | GAP_SENTENCE;
    case 33: // !
    case 63: // ?
      return GAP_HARD | GAP_SENTENCE;
    case 44: // ,
      return GAP_HARD | GAP_COMMA;
    case 58: // :
      return GAP_HARD | GAP_COLON;
    case 59: // ;
      return GAP_HARD;
    case 40: // (
    case 91: // [
      return GAP_HARD | GAP_OPEN_PAREN;
    case 41: // )
    case 93: // ]
      return GAP_HARD | GAP_CLOSE_PAREN;
    case 47: // /
      return GAP_SLASH;
    case 92: // backslash: the next word is a LaTeX command ("\textbf"); "\%" is an escaped percent sign
      return text.charCodeAt(i + 1) === 37 ? 0 : GAP_LATEX;
    case 37: // %
      return GAP_PERCENT | GAP_SPACE;
    case 39: // '
    case 0x2019:
      return GAP_APOSTROPHE;
    case 126: // ~ (LaTeX non-breaking space)
    case 123: // { }: LaTeX groups ("\textsc{MMLU}") separate words but not clauses
    case 125:
    case 36: // $
    case 42: // * (markdown emphasis)
      return GAP_SPACE;
    case 0x2013: // – —: ranges and dashes
    case 0x2014:
      return GAP_HARD;
    default:
      return GAP_HARD;
  }
}
