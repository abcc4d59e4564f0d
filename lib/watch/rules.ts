/**
 * Watch rules (issue 6): what a researcher wants to see first on a listing. A rule is one kind and one value:
 *
 *   keyword    words in the title or abstract: `diffusion`, `reward model`; a word matches words that start
 *              with it (`agent` → agents, agentic); in quotes only the exact word (`"RL"`)
 *   regex      a regular expression over title and abstract, case-insensitive (lib/watch/regex.ts)
 *   author     an author's name: `LeCun`, `Yann LeCun`, `Y. LeCun` (lib/watch/authors.ts)
 *   benchmark  a benchmark or dataset, as the extractor names it or as written (`SWE-bench`, `gsm8k`)
 *   topic      a topic id of lib/extract/data/topics.tsv (`reward-modeling`)
 *
 * Stored as one setting (lib/settings/watch.ts); the options page edits it (WatchRulesSection).
 */

export const WATCH_KINDS = ['keyword', 'regex', 'author', 'benchmark', 'topic'] as const;
export type WatchKind = (typeof WATCH_KINDS)[number];

export interface WatchRule {
  /** Stable id: matches report which rules fired. */
  id: string;
  kind: WatchKind;
  value: string;
  /** A rule can be kept but switched off. */
  enabled: boolean;
}

export interface WatchSettings {
  rules: WatchRule[];
  /** Dim the entries that match no rule (only when at least one rule is on). */
  dimOthers: boolean;
}

export const DEFAULT_WATCH_SETTINGS: WatchSettings = { rules: [], dimOthers: false };

/** Longest rule value accepted: rules are words, names and short expressions, never documents. */
export const MAX_RULE_LENGTH = 300;
/** Most rules kept: enough for any reading list, and the options page stays one screen of rows. */
export const MAX_RULES = 200;

const KIND_LABELS: Record<WatchKind, string> = {
  keyword: 'Keyword',
  regex: 'Regular expression',
  author: 'Author',
  benchmark: 'Benchmark',
  topic: 'Topic',
};

export function watchKindLabel(kind: WatchKind): string {
  return KIND_LABELS[kind];
}

export function isWatchKind(value: unknown): value is WatchKind {
  return typeof value === 'string' && (WATCH_KINDS as readonly string[]).includes(value);
}

/** A new rule id (64 random bits). */
export function newRuleId(): string {
  // A random UUID: rules made in the same millisecond (or on two synced browsers) never collide.
  return `w${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`;
}

/**
 * Read stored or imported watch settings. Undefined only when the value is not watch settings at all; a
 * rule that cannot be read (unknown kind, no value) is left out, every other rule is kept as it was, also a
 * regular expression that does not compile (the options page shows why, the matcher skips it).
 */
export function parseWatchSettings(raw: unknown): WatchSettings | undefined {
  if (typeof raw !== 'object' || raw === null || !Array.isArray((raw as { rules?: unknown }).rules)) return undefined;
  const { rules, dimOthers } = raw as { rules: unknown[]; dimOthers?: unknown };
  const seen = new Set<string>();
  const read: WatchRule[] = [];
  for (const candidate of rules.slice(0, MAX_RULES)) {
    const rule = parseRule(candidate);
    if (!rule || seen.has(rule.id)) continue;
    seen.add(rule.id);
    read.push(rule);
  }
  return { rules: read, dimOthers: dimOthers === true };
}

function parseRule(raw: unknown): WatchRule | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { id, kind, value, enabled } = raw as Record<string, unknown>;
  if (typeof id !== 'string' || id.length === 0 || id.length > 64) return undefined;
  if (!isWatchKind(kind) || typeof value !== 'string') return undefined;
  const trimmed = value.trim().slice(0, MAX_RULE_LENGTH);
  if (!trimmed) return undefined;
  return { id, kind, value: trimmed, enabled: enabled !== false };
}

/** How a rule reads in a reason or a list: `keyword “diffusion”`, `regex /\bLLMs?\b/`. */
export function describeRule(rule: Pick<WatchRule, 'kind' | 'value'>): string {
  if (rule.kind === 'regex') return `regex /${rule.value}/`;
  return `${rule.kind} “${rule.value}”`;
}
