import { describe, expect, it } from 'vitest';
import { anchorInText, CONTEXT_LENGTH, describeSpan, type HighlightSelectors } from '../../../lib/highlights/anchor';
import { comparisonKey } from '../../../lib/highlights/comparison-key';
import { matchQuote } from '../../../lib/highlights/match-quote';

// Anchoring on plain field texts (the normalized text of lib/highlights/text-map). Real abstracts: 0704.0002
// (arXiv's own test record, with TeX) and 2609.31620 (FuseReg, the first paper of the Hugging Face capture).

const SPARSITY =
  'We describe a new algorithm, the $(k,\\ell)$-pebble game with colors, and use it obtain a characterization of the ' +
  'family of $(k,\\ell)$-sparse graphs and algorithmic solutions to a family of problems concerning tree decompositions ' +
  'of graphs. Special instances of sparse graphs appear in rigidity theory and have received increased attention in ' +
  'recent years. In particular, our colored pebbles generalize and strengthen the previous results of Lee and Streinu ' +
  'and give a new proof of the Tutte-Nash-Williams characterization of arboricity. We also present a new decomposition ' +
  'that certifies sparsity based on the $(k,\\ell)$-pebble game with colors. Our work also exposes connections between ' +
  'pebble game algorithms and previous sparse graph algorithms by Gabow, Gabow and Westermann and Hendrickson.';

const FUSEREG =
  'Representation autoencoders (RAEs) reuse features from a pretrained visual encoder as reconstruction and diffusion ' +
  'latents, integrating strong visual representations into image generation. However, RAEs still need to decide which ' +
  'encoder layers form the shared latent space for the generator and pixel decoder. This choice involves a trade-off. ' +
  'Shallower layers tend to preserve fine pixel details better, while deeper layers tend to yield better generation ' +
  'metrics. A fixed heuristic layer fusion therefore couples two stages that benefit from different information. We ' +
  'introduce FuseReg, which replaces heuristic feature selection with training over random subsets of encoder layers.';

/** Selectors of the first occurrence of `quote` in `text` (the occurrence-th when given). */
function describeQuote(text: string, quote: string, occurrence = 1): Required<HighlightSelectors> {
  let at = -1;
  for (let i = 0; i < occurrence; i++) at = text.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`"${quote}" not in the text`);
  return describeSpan(text, at, at + quote.length);
}

function anchoredText(text: string, selectors: HighlightSelectors): string | undefined {
  const anchor = anchorInText(text, selectors);
  return anchor && text.slice(anchor.start, anchor.end);
}

describe('describeSpan', () => {
  it('keeps the quote, about 32 characters either side, and the position', () => {
    const selectors = describeQuote(FUSEREG, 'This choice involves a trade-off.');
    expect(selectors.quote.exact).toBe('This choice involves a trade-off.');
    expect(selectors.quote.prefix).toHaveLength(CONTEXT_LENGTH);
    expect(FUSEREG.slice(0, selectors.position.start).endsWith(selectors.quote.prefix)).toBe(true);
    expect(selectors.quote.suffix).toBe(FUSEREG.slice(selectors.position.end, selectors.position.end + CONTEXT_LENGTH));
    expect(FUSEREG.slice(selectors.position.start, selectors.position.end)).toBe(selectors.quote.exact);
  });

  it('has shorter context at the edges of the text', () => {
    const selectors = describeSpan(FUSEREG, 0, 'Representation'.length);
    expect(selectors.quote.prefix).toBe('');
    const end = describeSpan(FUSEREG, FUSEREG.length - 7, FUSEREG.length);
    expect(end.quote.suffix).toBe('');
  });

  it('never cuts a surrogate pair in the context', () => {
    const text = `${'🧪'.repeat(20)} the experiment ${'🔬'.repeat(20)}`;
    const start = text.indexOf('the experiment');
    const selectors = describeSpan(text, start, start + 'the experiment'.length);
    for (const part of [selectors.quote.prefix, selectors.quote.suffix]) {
      expect(part).toBe(part.normalize()); // still valid UTF-16
      expect(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(part)).toBe(false);
    }
  });
});

describe('round trips on the same text', () => {
  const quotes = [
    [FUSEREG, 'This choice involves a trade-off.'],
    [FUSEREG, 'Representation autoencoders (RAEs)'],
    [FUSEREG, 'random subsets of encoder layers.'],
    [SPARSITY, '$(k,\\ell)$-sparse graphs'],
    [SPARSITY, 'rigidity theory'],
    [SPARSITY, 'e'],
  ] as const;

  it.each(quotes)('both selectors: %#', (text, quote) => {
    const selectors = describeQuote(text, quote);
    expect(anchorInText(text, selectors)).toEqual({ start: selectors.position.start, end: selectors.position.end, method: 'position' });
  });

  it.each(quotes)('position alone: %#', (text, quote) => {
    const { position } = describeQuote(text, quote);
    expect(anchoredText(text, { position })).toBe(quote);
  });

  it.each(quotes)('quote alone: %#', (text, quote) => {
    const { quote: selector } = describeQuote(text, quote);
    expect(anchoredText(text, { quote: selector })).toBe(quote);
  });

  it('tells repeated phrases apart by their context, with or without the position', () => {
    // "$(k,\ell)$-pebble game with colors" occurs twice; take the second.
    const selectors = describeQuote(SPARSITY, '$(k,\\ell)$-pebble game with colors', 2);
    const second = SPARSITY.lastIndexOf('$(k,\\ell)$-pebble game with colors');
    expect(anchorInText(SPARSITY, { quote: selectors.quote })?.start).toBe(second);
    // A stale position where the text is something else defers to the quote and its context.
    expect(anchorInText(SPARSITY, { quote: selectors.quote, position: { type: 'TextPositionSelector', start: 3, end: 30 } })?.start).toBe(second);
  });
});

describe('drift: the text changed since the highlight was made', () => {
  const quote = 'Shallower layers tend to preserve fine pixel details better';
  const selectors = describeQuote(FUSEREG, quote);

  it('text inserted before the quote: found by the quote, not the stale position', () => {
    const changed = `[Accepted at a conference.] ${FUSEREG}`;
    const anchor = anchorInText(changed, selectors)!;
    expect(anchor.method).toBe('quote');
    expect(changed.slice(anchor.start, anchor.end)).toBe(quote);
  });

  it('text removed before the quote', () => {
    const changed = FUSEREG.replace('Representation autoencoders (RAEs) reuse', 'RAEs reuse');
    expect(anchoredText(changed, selectors)).toBe(quote);
  });

  it('text changed after the quote', () => {
    const changed = FUSEREG.replace('while deeper layers', 'whereas the deepest layers');
    expect(anchoredText(changed, selectors)).toBe(quote);
  });

  it('a word changed inside the quote: the changed sentence is highlighted', () => {
    const changed = FUSEREG.replace('preserve fine pixel details', 'keep fine pixel details');
    expect(anchoredText(changed, selectors)).toBe('Shallower layers tend to keep fine pixel details better');
  });

  it('a sentence rewritten beyond recognition: not placed, rather than placed wrongly', () => {
    const changed = FUSEREG.replace(quote, 'Early encoder blocks retain texture');
    expect(anchorInText(changed, selectors)).toBeUndefined();
  });

  it('a text without the passage at all: not placed', () => {
    expect(anchorInText(SPARSITY, selectors)).toBeUndefined();
    expect(anchorInText('', selectors)).toBeUndefined();
  });

  it('whitespace and line breaks differ (a template that wraps lines)', () => {
    const wrapped = FUSEREG.replace(/ /g, (space, offset: number) => (offset % 7 === 0 ? '  ' : space)).replace('tend to', 'tend\nto');
    const anchor = anchorInText(wrapped, selectors)!;
    expect(anchor).toBeDefined();
    expect(wrapped.slice(anchor.start, anchor.end).replace(/\s+/g, ' ')).toBe(quote);
  });

  it('a shortened abstract (search results) that cuts the quote: the part shown is highlighted', () => {
    const long = describeQuote(FUSEREG, 'This choice involves a trade-off. Shallower layers tend to preserve fine pixel details better');
    const shortened = `${FUSEREG.slice(0, FUSEREG.indexOf('Shallower layers tend to') + 'Shallower layers tend to'.length)}…`;
    expect(anchoredText(shortened, long)).toBe('This choice involves a trade-off. Shallower layers tend to');
  });

  it('a shortened abstract that starts with an ellipsis in the middle of the text', () => {
    const shortened = `…${FUSEREG.slice(FUSEREG.indexOf('the shared latent space'))}`;
    expect(anchoredText(shortened, selectors)).toBe(quote);
  });
});

describe('renderings of the same words', () => {
  it('TeX source versus MathJax 3 text (Unicode ℓ, no $)', () => {
    const selectors = describeQuote(SPARSITY, 'family of $(k,\\ell)$-sparse graphs');
    const rendered = SPARSITY.replaceAll('$(k,\\ell)$', '(k,ℓ)');
    expect(anchoredText(rendered, selectors)).toBe('family of (k,ℓ)-sparse graphs');
  });

  it('MathJax-rendered text back to the TeX source', () => {
    const rendered = SPARSITY.replaceAll('$(k,\\ell)$', '(k,ℓ)');
    const selectors = describeQuote(rendered, '(k,ℓ)-sparse graphs');
    expect(anchoredText(SPARSITY, selectors)).toBe('(k,\\ell)$-sparse graphs');
  });

  it('\\(…\\) delimiters versus $…$', () => {
    const selectors = describeQuote(SPARSITY, 'family of $(k,\\ell)$-sparse graphs');
    const other = SPARSITY.replaceAll('$(k,\\ell)$', '\\((k,\\ell)\\)');
    expect(anchoredText(other, selectors)).toContain('-sparse graphs');
  });

  it('ligatures and compatibility characters (a PDF-derived abstract)', () => {
    const text = 'We propose an efficient fine-tuning method for large models.';
    const selectors = describeQuote(text, 'efficient fine-tuning');
    const ligatures = text.replace('efficient', 'eﬃcient').replace('fine', 'ﬁne');
    expect(anchoredText(ligatures, selectors)).toBe('eﬃcient ﬁne-tuning');
  });

  it('accents composed versus decomposed, and curly versus straight quotes', () => {
    const text = 'The model’s “naïve” baseline reaches 71.3% on GSM8K.';
    const selectors = describeQuote(text, '“naïve” baseline');
    const other = text.normalize('NFD').replace(/[“”]/g, '"').replace('’', "'");
    expect(anchoredText(other, selectors)).toBe('"naïve" baseline'.normalize('NFD'));
  });

  it('emoji and non-Latin scripts survive positions and fuzzy search without broken surrogates', () => {
    const text = '我们提出了一种新方法 🚀 并在基准 𝒪(n log n) 上取得了最好的结果。';
    const selectors = describeQuote(text, '🚀 并在基准 𝒪(n log n)');
    expect(anchoredText(text, selectors)).toBe('🚀 并在基准 𝒪(n log n)');
    const shifted = `前言。${text.replace('🚀 ', '🚀  ')}`;
    const found = anchoredText(shifted, selectors)!;
    expect(found).toContain('并在基准');
    expect(found).toBe(found.normalize()); // no lone surrogate
  });
});

describe('the letters-and-digits key', () => {
  it.each([
    ['$(k,\\ell)$-sparse', 'klsparse'],
    ['(k,ℓ)-sparse', 'klsparse'],
    ['$O(n \\log n)$', 'onlogn'],
    ['$\\mathcal{O}(\\alpha^{2})$', 'oα2'],
    ['𝒪(α²)', 'oα2'],
    ['eﬃcient ﬁne-tuning', 'efficientfinetuning'],
    ['Naïve  BAYES', 'naivebayes'],
    ['\\% and \\{x\\}', 'andx'],
  ])('%s → %s', (text, key) => {
    expect(comparisonKey(text).key).toBe(key);
  });

  it('maps every key character back to where it came from', () => {
    const text = 'a $\\ell$ ﬁ';
    const key = comparisonKey(text);
    expect(key.key).toBe('alfi');
    expect([...key.toText]).toEqual([0, 3, 9, 9]);
    expect([...key.toTextEnd]).toEqual([1, 7, 10, 10]);
  });
});

describe('matchQuote', () => {
  it('is strict with short quotes (no three-letter word matched anywhere)', () => {
    expect(matchQuote(FUSEREG, 'xyzzy')).toBeUndefined();
    expect(matchQuote(FUSEREG, 'laten')?.start).toBe(FUSEREG.indexOf('laten'));
  });

  it('prefers the occurrence whose context agrees, then the one nearest the hint', () => {
    const text = 'alpha beta gamma. alpha beta delta. alpha beta gamma.';
    expect(matchQuote(text, 'alpha beta', { suffix: ' delta' })?.start).toBe(18);
    expect(matchQuote(text, 'alpha beta', { hint: 40 })?.start).toBe(36);
  });
});
