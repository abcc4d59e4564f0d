import { useCallback, useEffect, useState } from 'preact/hooks';
import { installBadgeStylesheet } from '../badges';
import { onBroadcast } from '../../lib/messaging/client';
import { LibrarySummary } from './LibrarySummary';
import { LibraryView } from './library-view';
import { SavedPaperList } from './SavedPaperList';
import { SearchBox } from './SearchBox';
import { useLibraryView } from './use-library-view';
import { usePreferredTheme } from './use-preferred-theme';
import './popup.css';

/** The toolbar popup: summary, search and the saved list, all asked of the background worker. */
export function PopupApp() {
  const [view] = useState(() => new LibraryView());
  const state = useLibraryView(view);
  const theme = usePreferredTheme();

  useEffect(() => {
    installBadgeStylesheet(document);
    const stop = new AbortController();
    // A save or remove in any tab (or here) changes what the popup shows.
    onBroadcast(() => view.refreshSoon(), stop.signal);
    view.start();
    return () => {
      stop.abort();
      view.dispose();
    };
  }, [view]);

  const search = useCallback((query: string) => view.search(query), [view]);
  const show = useCallback((range: { start: number; end: number }) => view.show(range), [view]);
  const remove = useCallback((id: string) => view.remove(id), [view]);

  const libraryEmpty = state.summary?.count === 0 && state.query === '';
  return (
    <main class="popup">
      <LibrarySummary summary={state.summary} />
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
          <SearchBox onSearch={search} />
          {state.total === 0 && state.query !== '' && (
            <p class="no-match" role="status">
              No saved paper has “{state.query}” in its title.
            </p>
          )}
          {state.total === undefined && !state.error && (
            <p class="loading" role="status">
              Loading saved papers…
            </p>
          )}
          <SavedPaperList
            total={state.total ?? 0}
            resetKey={state.query}
            paperAt={(index) => view.paperAt(index)}
            onShow={show}
            removing={state.removing}
            onRemove={remove}
            theme={theme}
          />
        </>
      )}
    </main>
  );
}

function EmptyLibrary() {
  return (
    <div class="empty" role="status" data-paperlight-empty="">
      <p class="empty-title">No saved papers yet.</p>
      <p>
        Open <a href="https://huggingface.co/papers" target="_blank" rel="noreferrer">Hugging Face Daily Papers</a>{' '}
        and press <strong>Save</strong> on any paper: it shows up here with its topics and benchmarks.
      </p>
    </div>
  );
}
