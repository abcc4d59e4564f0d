import { useEffect, useState } from 'preact/hooks';
import type { LibraryView, LibraryViewState } from './library-view';

/** Re-render on every change of `view`; returns its current state. */
export function useLibraryView(view: LibraryView): LibraryViewState {
  const [, setChanges] = useState(0);
  useEffect(() => view.subscribe(() => setChanges((n) => n + 1)), [view]);
  return view.state;
}
