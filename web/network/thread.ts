/** One of a sparse network's Web Workers: serves its part of the steps on the shared memory. */
import { serveSparseThread } from 'izhikit';

serveSparseThread(self);
