/**
 * What MathJax does to a title or abstract, done the same way to a test's DOM (the e2e fixtures load no
 * MathJax: it is not reachable offline). Output shapes follow MathJax's own:
 *  - version 2.7 (arXiv's): `$…$` text becomes a hidden preview span, a rendered frame
 *    `span.MathJax#MathJax-Element-N-Frame` full of glyph spans plus assistive MathML, and the TeX source in
 *    `<script type="math/tex" id="MathJax-Element-N">`;
 *  - version 3 (CHTML): `mjx-container` whose glyphs are drawn by CSS (no text), and `mjx-assistive-mml`.
 */
let counter = 0;

const TEX_GLYPHS: Record<string, string> = { '\\ell': 'ℓ', '\\alpha': 'α', '\\log': 'log' };

/** The characters MathJax would show for a (simple) TeX source. */
export function renderedGlyphs(tex: string): string {
  return tex.replace(/\\[a-z]+/gi, (command) => TEX_GLYPHS[command] ?? '').replace(/[{}^_]/g, '');
}

/** Typeset every `$…$` in the text nodes under `root` the way MathJax 2.7 does. Returns how many. */
export function typesetLikeMathJax2(root: Element): number {
  return typeset(root, (doc, tex) => {
    const id = `MathJax-Element-${++counter}`;
    const preview = doc.createElement('span');
    preview.className = 'MathJax_Preview';
    preview.style.color = 'inherit';
    preview.style.display = 'none';
    const frame = doc.createElement('span');
    frame.className = 'MathJax';
    frame.id = `${id}-Frame`;
    frame.setAttribute('tabindex', '0');
    const nobr = doc.createElement('nobr');
    const math = doc.createElement('span');
    math.className = 'math';
    for (const glyph of renderedGlyphs(tex)) {
      const span = doc.createElement('span');
      span.className = 'mi';
      span.textContent = glyph;
      math.append(span);
    }
    nobr.append(math);
    const assistive = doc.createElement('span');
    assistive.className = 'MJX_Assistive_MathML';
    assistive.textContent = renderedGlyphs(tex);
    frame.append(nobr, assistive);
    const script = doc.createElement('script');
    script.setAttribute('type', 'math/tex');
    script.id = id;
    script.textContent = tex;
    return [preview, frame, script];
  });
}

/** Typeset every `$…$` under `root` the way MathJax 3 (CHTML) does. Returns how many. */
export function typesetLikeMathJax3(root: Element): number {
  return typeset(root, (doc, tex) => {
    const container = doc.createElement('mjx-container');
    container.className = 'MathJax';
    container.setAttribute('jax', 'CHTML');
    const math = doc.createElement('mjx-math');
    math.setAttribute('aria-hidden', 'true');
    for (const glyph of renderedGlyphs(tex)) {
      // Glyphs are CSS ::before content in MathJax 3: the elements carry no text.
      const char = doc.createElement('mjx-c');
      char.className = `mjx-c${glyph.codePointAt(0)!.toString(16).toUpperCase()}`;
      math.append(char);
    }
    const assistive = doc.createElement('mjx-assistive-mml');
    assistive.textContent = renderedGlyphs(tex);
    container.append(math, assistive);
    return [container];
  });
}

function typeset(root: Element, render: (doc: Document, tex: string) => Node[]): number {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
  let count = 0;
  for (const text of texts) {
    const parts = text.data.split(/\$([^$]+)\$/);
    if (parts.length === 1) continue;
    const replacement: Node[] = [];
    parts.forEach((part, i) => {
      if (i % 2 === 0) {
        if (part) replacement.push(doc.createTextNode(part));
      } else {
        replacement.push(...render(doc, part));
        count++;
      }
    });
    text.replaceWith(...replacement);
  }
  return count;
}
