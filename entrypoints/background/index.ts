import { startBackground } from '@/lib/background';

// Thin on purpose: the worker's logic lives in lib/background, where unit tests reach it without a browser.
export default defineBackground(() => {
  startBackground();
});
