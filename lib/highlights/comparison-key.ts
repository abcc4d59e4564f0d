/**
 * The letters and digits of a text, for comparing two renderings of the same words: what differs between
 * sites and between before/after MathJax is mostly everything else.
 *
 *   "$(k,\ell)$-sparse"  (arXiv source, Hugging Face)   → "klsparse"
 *   "(k,ℓ)-sparse"       (MathJax 3's assistive MathML) → "klsparse"
 *   "eﬃcient ﬁne-tuning" (ligatures in a PDF-derived abstract) → "efficientfinetuning"
 *
 * Lower case, Unicode compatibility decomposition (ligatures, mathematical italic letters, ℓ → l), accents
 * dropped, TeX commands turned into the letters they typeset (\alpha → α, \log → log) or dropped (\mathrm,
 * \frac, \left). Every key character remembers which text character it came from, so a match found in the
 * key is a range of the text.
 */

export interface ComparisonKey {
  key: string;
  /** Per key code unit: where in the text (UTF-16 offset) the character or TeX command it came from starts. */
  toText: Int32Array;
  /** Per key code unit: where that source ends (`\ell` ends after the "l"). */
  toTextEnd: Int32Array;
}

/** TeX commands that typeset letters (Greek, \ell) as the character they show. */
const TEX_LETTERS: Record<string, string> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ϵ', varepsilon: 'ε', zeta: 'ζ', eta: 'η', theta: 'θ',
  vartheta: 'ϑ', iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', varpi: 'ϖ', rho: 'ρ',
  varrho: 'ϱ', sigma: 'σ', varsigma: 'ς', tau: 'τ', upsilon: 'υ', phi: 'ϕ', varphi: 'φ', chi: 'χ', psi: 'ψ',
  omega: 'ω', Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ', Upsilon: 'Υ',
  Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω', ell: 'ℓ', hbar: 'ħ', imath: 'ı', jmath: 'ȷ', aleph: 'ℵ',
};

/** TeX operators typeset as their own name (upright "log"). */
const TEX_WORDS = new Set([
  'arg', 'cos', 'cosh', 'cot', 'deg', 'det', 'dim', 'exp', 'gcd', 'inf', 'ker', 'lim', 'liminf', 'limsup', 'ln',
  'log', 'max', 'min', 'mod', 'Pr', 'sec', 'sin', 'sinh', 'sup', 'tan', 'tanh',
]);

const ASCII_LETTER_OR_DIGIT = /[a-z0-9]/i;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const MARK = /\p{M}/u;

export function comparisonKey(text: string): ComparisonKey {
  const key: string[] = [];
  const toText: number[] = [];
  const toTextEnd: number[] = [];
  const emit = (chars: string, from: number, to: number) => {
    for (const char of chars) {
      key.push(char);
      for (let unit = 0; unit < char.length; unit++) {
        toText.push(from);
        toTextEnd.push(to);
      }
    }
  };

  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === 0x5c /* \ */) {
      index = readTexCommand(text, index, emit);
      continue;
    }
    if (code < 0x80) {
      // Fast path: most abstracts are ASCII.
      const char = text[index]!;
      if (ASCII_LETTER_OR_DIGIT.test(char)) emit(char.toLowerCase(), index, index + 1);
      index++;
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(index)!);
    emit(keyCharsOf(char), index, index + char.length);
    index += char.length;
  }
  return { key: key.join(''), toText: Int32Array.from(toText), toTextEnd: Int32Array.from(toTextEnd) };
}

/** The key characters one (non-ASCII) character contributes: decomposed, unaccented, lower case. */
function keyCharsOf(char: string): string {
  let out = '';
  for (const part of char.normalize('NFKD')) {
    if (MARK.test(part)) continue;
    const lower = part.toLowerCase();
    if (LETTER_OR_DIGIT.test(lower)) out += lower.normalize('NFKD').replace(/\p{M}/gu, '');
  }
  return out;
}

/** Read `\name` (or `\x` for one non-letter) at `index`; emit what it typesets; return the index after it. */
function readTexCommand(text: string, index: number, emit: (chars: string, from: number, to: number) => void): number {
  let end = index + 1;
  while (end < text.length && /[a-z]/i.test(text[end]!)) end++;
  if (end === index + 1) return Math.min(text.length, index + 2); // \{ \% \, \\ : punctuation
  const name = text.slice(index + 1, end);
  const letter = TEX_LETTERS[name];
  if (letter) emit(keyCharsOf(letter), index, end);
  else if (TEX_WORDS.has(name)) emit(name.toLowerCase(), index, end);
  return end;
}

/** The first key index whose text index is at or after `textIndex` (to carry a text position into the key). */
export function keyIndexAt(key: ComparisonKey, textIndex: number): number {
  let low = 0;
  let high = key.toText.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (key.toText[middle]! < textIndex) low = middle + 1;
    else high = middle;
  }
  return low;
}
