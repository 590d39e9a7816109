/** One of a network's Web Workers: serves its part of the steps (dense or sparse) on the shared memory. */
import { serveNetworkThread } from 'izhikit';

serveNetworkThread(self);
