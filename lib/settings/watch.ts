import { DEFAULT_WATCH_SETTINGS, parseWatchSettings, type WatchSettings } from '../watch/rules';
import { defineSetting } from './store';

/** Watch rules and whether to dim the entries that match none (lib/watch; options: WatchRulesSection). */
export const watchSetting = defineSetting<WatchSettings>('watch', DEFAULT_WATCH_SETTINGS, parseWatchSettings);
