import { useEffect, useRef, useState } from 'preact/hooks';
import { topicLabel } from '../../lib/extract';
import { MAX_NOTE_LENGTH } from '../../lib/library/edit';
import { isRead, noteOf, tagsOf } from '../../lib/library/paper-fields';
import type { QueryTerm } from '../../lib/library/query';
import { splitTagInput, suggestTags } from '../../lib/library/tags';
import type { LibraryPaper, PaperEdit, TagCount } from '../../lib/messaging/requests/library';
import type { PaperId } from '../../lib/paper';
import { PaperHighlights } from './PaperHighlights';
import type { Theme } from './use-preferred-theme';

/** A note is saved this long after the last keystroke (and when the field loses focus). */
export const NOTE_SAVE_DELAY_MS = 700;
/** Authors listed before "et al.". */
const AUTHORS_SHOWN = 8;

type Edit = (id: PaperId, edit: PaperEdit) => Promise<boolean>;

/** An expanded row: who and when, every badge (a click filters), tags, read state, note and highlights. */
export function PaperDetails({
  id,
  paper,
  tagCounts,
  onEdit,
  onFilter,
  theme,
}: {
  id: string;
  paper: LibraryPaper;
  tagCounts: readonly TagCount[] | undefined;
  onEdit: Edit;
  onFilter: (term: QueryTerm) => void;
  theme: Theme;
}) {
  const authors = paper.authors.length > AUTHORS_SHOWN ? `${paper.authors.slice(0, AUTHORS_SHOWN).join(', ')} et al.` : paper.authors.join(', ');
  return (
    <div class="details" id={id} data-paperlight-details={paper.id}>
      {authors && <p class="details-authors">{authors}</p>}
      <p class="details-dates">
        {paper.id.includes(':') ? paper.id : `arXiv ${paper.id}`}
        {paper.published && ` · published ${paper.published}`} · saved {new Date(paper.savedAt).toLocaleDateString('en-CA')}
      </p>
      {(paper.topics.length > 0 || paper.benchmarks.length > 0) && (
        <ul class="pl-root details-badges" data-theme={theme} aria-label="Filter by a topic or benchmark">
          {paper.benchmarks.map((name) => (
            <li key={`b:${name}`}>
              <button type="button" class="pl-badge pl-badge--benchmark" data-facet-kind="benchmark" data-facet-value={name} onClick={() => onFilter({ field: 'bench', value: name, negated: false })}>
                {name}
              </button>
            </li>
          ))}
          {paper.topics.map((topic) => (
            <li key={`t:${topic}`}>
              <button type="button" class="pl-badge pl-badge--topic" data-facet-kind="topic" data-facet-value={topic} onClick={() => onFilter({ field: 'topic', value: topic, negated: false })}>
                {topicLabel(topic)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <TagEditor paper={paper} tagCounts={tagCounts} onEdit={onEdit} />
      <label class="details-read">
        <input type="checkbox" data-paperlight-field="read" checked={isRead(paper)} onChange={(event) => void onEdit(paper.id, { read: event.currentTarget.checked })} />
        Read
      </label>
      <NoteEditor paper={paper} onEdit={onEdit} />
      <h3 class="details-heading">Highlights</h3>
      <PaperHighlights paperId={paper.id} title={paper.title} emptyText="No highlights yet: select text on the paper’s page to highlight it." />
    </div>
  );
}

/** The paper's tags as chips (× removes) and a field that adds tags, with suggestions from the tags in use. */
function TagEditor({ paper, tagCounts, onEdit }: { paper: LibraryPaper; tagCounts: readonly TagCount[] | undefined; onEdit: Edit }) {
  const [draft, setDraft] = useState('');
  const tags = tagsOf(paper);
  const listId = `tag-suggestions-${paper.id.replace(/[^A-Za-z0-9-]/g, '-')}`;
  const suggestions = suggestTags(tagCounts ?? [], draft, tags);
  const add = async (text: string) => {
    const added = splitTagInput(text);
    if (added.length === 0) return;
    if (await onEdit(paper.id, { addTags: added })) setDraft('');
  };
  return (
    <div class="tag-editor">
      <span class="details-label" id={`${listId}-label`}>
        Tags
      </span>
      <ul class="tag-list" aria-labelledby={`${listId}-label`}>
        {tags.map((tag) => (
          <li key={tag} class="tag-chip" data-paperlight-tag={tag}>
            {tag}
            <button type="button" class="chip-remove" aria-label={`Remove the tag ${tag}`} onClick={() => void onEdit(paper.id, { removeTags: [tag] })}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <form
        class="tag-form"
        onSubmit={(event) => {
          event.preventDefault();
          // The field's own value: Enter may come before the last keystroke's re-render.
          void add(event.currentTarget.querySelector('input')?.value ?? draft);
        }}
      >
        <input
          type="text"
          data-paperlight-field="tag-input"
          list={listId}
          autocomplete="off"
          placeholder="Add tags (comma between)"
          aria-label={`Add a tag to “${paper.title}”`}
          value={draft}
          onInput={(event) => {
            const text = event.currentTarget.value;
            // A comma ends a tag, as in most tag fields.
            if (text.endsWith(',')) void add(text);
            else setDraft(text);
          }}
        />
        <datalist id={listId}>
          {suggestions.map((tag) => (
            <option key={tag} value={tag} />
          ))}
        </datalist>
        <button type="submit" data-paperlight-action="add-tag">
          Add
        </button>
      </form>
    </div>
  );
}

/**
 * The paper's note, saved a moment after typing stops and when the field is left. While the reader types,
 * a refresh of the list (another tab's change) does not overwrite the draft.
 */
function NoteEditor({ paper, onEdit }: { paper: LibraryPaper; onEdit: Edit }) {
  const stored = noteOf(paper);
  const [draft, setDraft] = useState(stored);
  const [status, setStatus] = useState<'saved' | 'saving' | 'failed' | undefined>(undefined);
  const dirty = useRef(false);
  const latest = useRef(draft);
  latest.current = draft;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    if (!dirty.current) setDraft(stored);
  }, [stored]);
  const save = async (text: string) => {
    clearTimeout(timer.current);
    if (!dirty.current) return;
    dirty.current = false;
    setStatus('saving');
    const ok = await onEdit(paper.id, { note: text });
    if (!ok) dirty.current = true;
    setStatus(ok ? 'saved' : 'failed');
  };
  // Closing the details (or the row scrolling out of the list) must not lose what was typed.
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      if (dirty.current) void onEdit(paper.id, { note: latest.current });
    },
    [],
  );
  // Nor closing the popup, which ends its page without a blur or an unmount: the note goes out the moment
  // the page is hidden (the message leaves before the page is gone), not after the typing pause.
  useEffect(() => {
    const flush = () => {
      if (document.visibilityState === 'hidden') void save(latest.current);
    };
    document.addEventListener('visibilitychange', flush);
    return () => document.removeEventListener('visibilitychange', flush);
  }, []);
  return (
    <label class="note-editor">
      <span class="details-label">
        Note {status === 'saving' ? <span class="note-status">saving…</span> : status === 'saved' ? <span class="note-status">saved</span> : status === 'failed' ? <span class="note-status failed">not saved</span> : null}
      </span>
      <textarea
        data-paperlight-field="paper-note"
        maxLength={MAX_NOTE_LENGTH}
        rows={3}
        placeholder="Your note on this paper"
        value={draft}
        onInput={(event) => {
          const text = event.currentTarget.value;
          setDraft(text);
          latest.current = text; // before the next render: the page may be hidden first
          dirty.current = true;
          setStatus(undefined);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => void save(text), NOTE_SAVE_DELAY_MS);
        }}
        onBlur={(event) => void save(event.currentTarget.value)}
      />
    </label>
  );
}
