/** The entry of a sparse network's worker thread: takes its part of the steps until told to exit. */
import { parentPort, workerData } from 'node:worker_threads';
import { serveSteps, threadPart, type SparseThreadInit } from './parallel.js';

const part = threadPart(workerData as SparseThreadInit);
parentPort?.postMessage('ready');
serveSteps(part);
parentPort?.close();
