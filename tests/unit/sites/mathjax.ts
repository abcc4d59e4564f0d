/**
 * What MathJax 2.7 (tex2jax + HTML-CSS output) leaves in an element: for each `$...$`, a hidden preview,
 * the rendered frame full of glyph spans, and the source in a math/tex script.
 */
export function typesetLikeMathJax2(element: Element): void {
  const doc = element.ownerDocument;
  const walker = doc.createTreeWalker(element, 4 /* text */);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
  let n = 0;
  for (const text of texts) {
    const parts = text.data.split(/\$([^$]+)\$/);
    if (parts.length === 1) continue;
    const fragment = doc.createDocumentFragment();
    parts.forEach((part, i) => {
      if (i % 2 === 0) {
        fragment.append(part);
        return;
      }
      n++;
      const preview = doc.createElement('span');
      preview.className = 'MathJax_Preview';
      const frame = doc.createElement('span');
      frame.className = 'MathJax';
      frame.id = `MathJax-Element-${n}-Frame`;
      frame.innerHTML = '<nobr><span class="math"><span class="mi">Λ</span><span class="mi">α</span></span></nobr>';
      const script = doc.createElement('script');
      script.setAttribute('type', 'math/tex');
      script.id = `MathJax-Element-${n}`;
      script.textContent = part;
      fragment.append(preview, frame, script);
    });
    text.replaceWith(fragment);
  }
}
