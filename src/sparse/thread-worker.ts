/**
 * The entry of a sparse network's worker thread: takes its part of the draws, then of the steps
 * until told to exit.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runSparseThread, type SparseThreadStart } from './parallel-build.js';

runSparseThread(workerData as SparseThreadStart, () => parentPort?.postMessage('ready'));
parentPort?.close();
