/** A number the abstract reports for a benchmark: "94.1 on RewardBench", "+5.4% accuracy". */
export interface ReportedResult {
  /** Canonical benchmark name it refers to. */
  benchmark: string;
  value: number;
  /** '%', 'pts', 'x', '' (plain score), ... */
  unit: string;
  /** The phrase it was read from, as written. */
  text: string;
}

export interface BenchmarkMention {
  /** Canonical name (catalogue name, or the discovered name as written). */
  name: string;
  /** The spans of text that matched, as written in the title/abstract (for the hover). */
  matched: string[];
  /** False for catalogue entries; true for names discovered in the text ("new" style badge). */
  discovered: boolean;
  /** Catalogue area (language, vision, code, ...) when known. */
  area?: string;
  /** Homepage or paper link from the catalogue when known. */
  url?: string;
  results: ReportedResult[];
}

export interface TopicMention {
  /** Id from topics.tsv. */
  id: string;
  label: string;
  /** The words in the text that triggered it. */
  triggers: string[];
  score: number;
}

export interface Extraction {
  benchmarks: BenchmarkMention[];
  /** 0 to 4 topics, strongest first. */
  topics: TopicMention[];
  results: ReportedResult[];
}

export interface ExtractInput {
  title: string;
  abstract: string;
}
