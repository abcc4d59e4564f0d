import { useState } from 'preact/hooks';
import { topicLabel } from '../../lib/extract';
import { parseQuery, withoutTerm, type QueryTerm } from '../../lib/library/query';
import type { LibrarySort } from '../../lib/messaging/requests/library';
import { pure } from './pure';

/** Typing pauses this long before a search is sent: one request per burst of keystrokes. */
export const SEARCH_DEBOUNCE_MS = 150;

const FIELD_LABELS: Record<string, string> = { topic: 'topic', bench: 'benchmark', author: 'author', tag: 'tag', is: 'is' };

/**
 * The search box (free words and field filters, lib/library/query.ts), the sort order, and the filters in
 * force as chips (× removes one). The text is the one source of truth: a click on a badge adds to it.
 */
export const QueryBar = pure(function QueryBar({
  text,
  onText,
  sort,
  onSort,
  problems,
}: {
  text: string;
  onText: (text: string) => void;
  sort: LibrarySort;
  onSort: (sort: LibrarySort) => void;
  problems: string[];
}) {
  const [help, setHelp] = useState(false);
  const filters = parseQuery(text).terms.filter((term) => term.field !== 'text' && term.field !== 'id');
  return (
    <div class="query-bar">
      <div class="query-row">
        <input
          class="search"
          type="search"
          placeholder="Search, or topic: bench: author: tag: is:unread"
          aria-label="Search saved papers (words, or filters such as tag:to-read)"
          value={text}
          onInput={(event) => onText(event.currentTarget.value)}
        />
        <select aria-label="Sort" value={sort} onChange={(event) => onSort(event.currentTarget.value as LibrarySort)}>
          <option value="saved">Newest saved</option>
          <option value="published">Newest published</option>
        </select>
        <button type="button" class="help-toggle" aria-expanded={help ? 'true' : 'false'} aria-label="Search help" onClick={() => setHelp(!help)}>
          ?
        </button>
      </div>
      {help && <SearchHelp />}
      {filters.length > 0 && (
        <ul class="filter-chips" aria-label="Filters">
          {filters.map((term) => (
            <li key={`${term.negated}:${term.field}:${term.value}`} class="chip" data-filter-field={term.field} data-filter-value={term.value}>
              {term.negated ? 'not ' : ''}
              {FIELD_LABELS[term.field]}: {term.field === 'topic' ? topicLabel(term.value) : term.value}
              <button type="button" class="chip-remove" aria-label={`Remove the filter ${filterName(term)}`} onClick={() => onText(withoutTerm(text, term))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {problems.map((problem) => (
        <p key={problem} class="query-problem" role="status">
          {problem}
        </p>
      ))}
    </div>
  );
});

function filterName(term: QueryTerm): string {
  return `${term.negated ? 'not ' : ''}${FIELD_LABELS[term.field]} ${term.value}`;
}

function SearchHelp() {
  return (
    <dl class="search-help">
      <dt>reward model</dt>
      <dd>words in the title, authors, tags, note</dd>
      <dt>topic:agents · bench:GSM8K</dt>
      <dd>a topic or benchmark (or click a badge)</dd>
      <dt>author:Smith · tag:to-read</dt>
      <dd>an author, a tag; quote spaces: tag:"to read"</dd>
      <dt>is:unread · is:read · is:noted</dt>
      <dd>read state; is:tagged, is:untagged</dd>
      <dt>-tag:done</dt>
      <dd>a minus excludes</dd>
    </dl>
  );
}
