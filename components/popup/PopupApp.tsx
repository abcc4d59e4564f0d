import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { installBadgeStylesheet } from '../badges';
import { withTerm, type QueryTerm } from '../../lib/library/query';
import { onBroadcast } from '../../lib/messaging/client';
import type { LibrarySort } from '../../lib/messaging/requests/library';
import { UnsavedPaperHighlights } from './highlights/UnsavedPaperHighlights';
import { LibraryChart } from './LibraryChart';
import { LibraryFiles } from './LibraryFiles';
import { LibrarySummary } from './LibrarySummary';
import { LibraryView } from './library-view';
import { QueryBar, SEARCH_DEBOUNCE_MS } from './QueryBar';
import { LIST_HEIGHT, SavedPaperList } from './SavedPaperList';
import { UndoBar } from './UndoBar';
import { useLibraryView } from './use-library-view';
import { usePreferredTheme } from './use-preferred-theme';
import './popup.css';

/** Opened as a tab (popup.html?tab): more room for the list. */
const IN_TAB = typeof location !== 'undefined' && new URLSearchParams(location.search).has('tab');

/**
 * The library: count, chart, search with filters and sort, the saved list (details per paper: tags, note,
 * read state, highlights), exports and backup restore. Everything is asked of the background worker.
 */
export function PopupApp() {
  const [view] = useState(() => new LibraryView());
  const state = useLibraryView(view);
  const theme = usePreferredTheme();
  const [text, setText] = useState('');

  useEffect(() => {
    installBadgeStylesheet(document);
    document.body.classList.toggle('in-tab', IN_TAB);
    const stop = new AbortController();
    // Saves and removals in any tab, and edits made elsewhere (keyboard triage, sync, an import), change
    // what the popup shows; highlights refresh themselves.
    onBroadcast((message) => {
      if (message.type === 'paper/changed' || message.type === 'library/changed') view.refreshSoon();
    }, stop.signal);
    view.start();
    return () => {
      stop.abort();
      view.dispose();
    };
  }, [view]);

  // The search follows the text after a pause in typing.
  useEffect(() => {
    const timer = setTimeout(() => view.search(text), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, view]);

  const filter = useCallback(
    (term: QueryTerm) =>
      setText((current) => {
        const next = withTerm(current, term);
        view.search(next); // a click is not typing: no pause
        return next;
      }),
    [view],
  );
  const sort = useCallback((order: LibrarySort) => view.search(text, order), [view, text]);
  const show = useCallback((range: { start: number; end: number }) => view.show(range), [view]);
  const remove = useCallback((id: string) => view.remove(id), [view]);
  const expand = useCallback((id: string | undefined) => view.expand(id), [view]);
  const edit = useCallback((id: string, change: Parameters<LibraryView['edit']>[1]) => view.edit(id, change), [view]);
  const refresh = useCallback(() => view.refresh(), [view]);

  const libraryEmpty = state.summary?.count === 0;
  // Highlights of papers no longer saved wait below the list: asked for once the list has what it needs,
  // so that the worker answers the list first.
  const listSettled = useRef(false);
  listSettled.current ||= libraryEmpty || state.error !== undefined || (state.total !== undefined && state.stats !== undefined);
  return (
    <main class="popup">
      <header class="popup-header">
        <LibrarySummary summary={state.summary} matching={state.total} query={state.query} />
        <LibraryFiles
          query={state.query}
          sort={state.sort}
          total={state.summary?.count}
          matching={state.total}
          inTab={IN_TAB}
          onImported={refresh}
        />
      </header>
      {state.error && (
        <div class="error" role="alert">
          <p>{state.error}</p>
          <button type="button" onClick={() => view.refresh()}>
            Try again
          </button>
        </div>
      )}
      {libraryEmpty ? (
        <EmptyLibrary />
      ) : (
        <>
          <LibraryChart stats={state.stats} summary={state.summary} onFilter={filter} />
          <QueryBar text={text} onText={setText} sort={state.sort} onSort={sort} problems={state.problems} />
          {state.total === 0 && state.query !== '' && (
            <p class="no-match" role="status">
              No saved paper matches “{state.query}”.
            </p>
          )}
          {state.total === undefined && !state.error && (
            <p class="loading" role="status">
              Loading saved papers…
            </p>
          )}
          <SavedPaperList
            total={state.total ?? 0}
            resetKey={`${state.query}\n${state.sort}`}
            paperAt={(index) => view.paperAt(index)}
            onShow={show}
            removing={state.removing}
            onRemove={remove}
            expandedId={state.expanded}
            expandedIndex={state.expanded ? view.indexOf(state.expanded) : -1}
            onExpand={expand}
            onEdit={edit}
            onFilter={filter}
            tagCounts={state.tags}
            viewportMax={IN_TAB ? 2 * LIST_HEIGHT : LIST_HEIGHT}
            theme={theme}
          />
        </>
      )}
      <UndoBar paper={state.undo?.paper} onUndo={() => void view.undoRemove()} />
      <UnsavedPaperHighlights defer={!listSettled.current} />
    </main>
  );
}

function EmptyLibrary() {
  return (
    <div class="empty" role="status" data-paperlight-empty="">
      <p class="empty-title">No saved papers yet.</p>
      <p>
        Open <a href="https://huggingface.co/papers" target="_blank" rel="noreferrer">Hugging Face Daily Papers</a>{' '}
        and press <strong>Save</strong> on any paper: it shows up here with its topics and benchmarks. Or import a
        Paperlight backup.
      </p>
    </div>
  );
}
