import { lazyConnection } from '../db';
import { createBroadcaster } from './broadcast';
import { createRequestHandlers } from './handlers';
import { createLibrary } from './library';
import { listenForRequests } from './listen';

/** Everything the background worker does; synchronous so the message listener exists from the first run. */
export function startBackground(): void {
  const connect = lazyConnection();
  const library = createLibrary(connect);
  const broadcast = createBroadcaster();
  listenForRequests(
    createRequestHandlers({
      library,
      connect,
      announce: (change) => {
        void broadcast(change);
      },
    }),
  );
}
