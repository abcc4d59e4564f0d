import { lazyConnection } from '../db';
import { createBroadcaster } from './broadcast';
import { createRequestHandlers } from './handlers';
import { listenForHighlightCommand } from './handlers/highlights';
import { createLibrary } from './library';
import { listenForRequests } from './listen';
import { startSync } from './sync';
import { listenForWatchCounts } from './watch-badge';
import { keepExtraHostScriptsInStep } from '../sites/extra-hosts';

/** Everything the background worker does; synchronous so the message listener exists from the first run. */
export function startBackground(): void {
  const connect = lazyConnection();
  const library = createLibrary(connect);
  const broadcast = createBroadcaster();
  const sync = startSync({ library, connect, broadcast: (change) => void broadcast(change) });
  listenForRequests(
    createRequestHandlers({
      library,
      connect,
      announce: (change) => {
        void broadcast(change);
        sync.localChange(change);
      },
    }),
  );
  listenForHighlightCommand();
  listenForWatchCounts();
  keepExtraHostScriptsInStep(); // issue 4: the content script on the mirrors the user enabled
}
