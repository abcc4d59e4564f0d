/**
 * Text as watch rules compare it: lower case, accents dropped (Schölkopf = Scholkopf), every run of
 * characters that are not letters or digits turned into one space, and a space on either side, so that
 * " reward model" found in the folded text means "a word starting with reward, then model", whatever the
 * punctuation or hyphenation ("reward-model", "Reward Model").
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

export function foldText(text: string): string {
  const words = text.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase().replace(NOT_WORD, ' ').trim();
  return words ? ` ${words} ` : ' ';
}

/** The words of a folded name or phrase. */
export function foldWords(text: string): string[] {
  const folded = foldText(text).trim();
  return folded ? folded.split(' ') : [];
}
