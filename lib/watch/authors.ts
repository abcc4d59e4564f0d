/**
 * Author rules. Listings write names in many ways ("Yann LeCun", "Y. LeCun", "LeCun, Yann", accents or
 * not), so a rule matches an author when every word of the rule finds its own word in the author's name:
 * the same word, or an initial of it ("Y" ~ "Yann"). A one-word rule is a surname or any name part.
 * The rule's last word must be written out in the name (not an initial): "Jane Smith" never matches
 * "J. S. Doe".
 */
import { foldWords } from './fold';

export interface AuthorRule {
  words: string[];
}

export function authorRule(value: string): AuthorRule | undefined {
  // "LeCun, Yann" (surname first) reads as "Yann LeCun".
  const comma = value.indexOf(',');
  const ordered = comma > 0 ? `${value.slice(comma + 1)} ${value.slice(0, comma)}` : value;
  const words = foldWords(ordered);
  return words.length > 0 ? { words } : undefined;
}

/** The first author name (as written) that the rule matches, else undefined. `folded`: foldWords of each name. */
export function matchAuthor(rule: AuthorRule, names: readonly string[], folded: readonly string[][]): string | undefined {
  for (let i = 0; i < names.length; i++) if (nameMatches(rule.words, folded[i]!)) return names[i];
  return undefined;
}

function nameMatches(ruleWords: readonly string[], nameWords: readonly string[]): boolean {
  const surname = ruleWords[ruleWords.length - 1]!;
  const used = new Set<number>();
  const surnameAt = nameWords.indexOf(surname);
  if (surnameAt < 0) return false;
  used.add(surnameAt);
  for (const word of ruleWords.slice(0, -1)) {
    const at = nameWords.findIndex((candidate, i) => !used.has(i) && sameOrInitial(word, candidate));
    if (at < 0) return false;
    used.add(at);
  }
  return true;
}

function sameOrInitial(a: string, b: string): boolean {
  if (a === b) return true;
  return (a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b));
}
