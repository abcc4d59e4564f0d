/**
 * Author names as pages give them ("Ada Lovelace", "Ludwig van Beethoven", "DeepSeek-AI") split into
 * family and given names, the form BibTeX ("Family, Given") and RIS ("AU  - Family, Given") want. Pages do
 * not mark which part is which, so the last word is the family name, with the lower-case particles before
 * it ("van", "de la"); a name already written "Family, Given" is taken as it is; a one-word name (a team
 * or a mononym) has no given name.
 */
export interface PersonName {
  family: string;
  given: string;
}

const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'du', 'la', 'le', 'dos', 'das', 'ten', 'ter', 'bin', 'al']);
/** "Jr." and friends belong to the family name's side: "King, Martin Luther, Jr." is beyond us; "King Jr." stays whole. */
const SUFFIXES = /^(jr|sr|ii|iii|iv)\.?$/i;

export function splitName(name: string): PersonName {
  const clean = name.replace(/\s+/g, ' ').trim();
  const comma = clean.indexOf(',');
  if (comma > 0) return { family: clean.slice(0, comma).trim(), given: clean.slice(comma + 1).trim() };
  const words = clean.split(' ').filter(Boolean);
  if (words.length <= 1) return { family: clean, given: '' };
  let start = words.length - 1;
  if (SUFFIXES.test(words[start]!) && start > 1) start--;
  while (start > 1 && PARTICLES.has(words[start - 1]!)) start--;
  return { family: words.slice(start).join(' '), given: words.slice(0, start).join(' ') };
}
