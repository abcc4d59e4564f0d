import type { NewHighlight } from '../../../lib/db/highlights';
import { describeSpan } from '../../../lib/highlights/anchor';

export const FUSEREG_ABSTRACT =
  'Representation autoencoders (RAEs) reuse features from a pretrained visual encoder as reconstruction and diffusion ' +
  'latents, integrating strong visual representations into image generation. However, RAEs still need to decide which ' +
  'encoder layers form the shared latent space for the generator and pixel decoder. This choice involves a trade-off.';

let counter = 0;

/** A highlight of `quote` in `text` (as a page would send it); `overrides` change what a test cares about. */
export function newHighlight(paperId: string, quote = 'This choice involves a trade-off.', overrides: Partial<NewHighlight> = {}, text = FUSEREG_ABSTRACT): NewHighlight {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not in the text`);
  const { quote: quoteSelector, position } = describeSpan(text, start, start + quote.length);
  return {
    id: `hl-${++counter}-${paperId.replace(/[^a-z0-9]/gi, '')}`,
    paperId,
    field: 'abstract',
    color: 'yellow',
    note: '',
    quote: quoteSelector,
    position,
    ...overrides,
  };
}
