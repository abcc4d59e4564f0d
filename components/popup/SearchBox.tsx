import { useEffect, useRef, useState } from 'preact/hooks';

/** Typing pauses this long before a search is sent: one request per burst of keystrokes. */
export const SEARCH_DEBOUNCE_MS = 150;

export function SearchBox({ onSearch }: { onSearch: (query: string) => void }) {
  const [text, setText] = useState('');
  const latest = useRef(onSearch);
  latest.current = onSearch;
  useEffect(() => {
    const timer = setTimeout(() => latest.current(text), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return (
    <input
      class="search"
      type="search"
      placeholder="Search titles"
      aria-label="Search saved paper titles"
      value={text}
      onInput={(event) => setText(event.currentTarget.value)}
    />
  );
}
