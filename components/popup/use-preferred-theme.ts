import { useEffect, useState } from 'preact/hooks';

export type Theme = 'light' | 'dark';

const DARK = '(prefers-color-scheme: dark)';

/** The browser's light/dark preference, following changes while the popup is open. */
export function usePreferredTheme(): Theme {
  const [theme, setTheme] = useState<Theme>(() => (matchMedia(DARK).matches ? 'dark' : 'light'));
  useEffect(() => {
    const query = matchMedia(DARK);
    const follow = () => setTheme(query.matches ? 'dark' : 'light');
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, []);
  return theme;
}
