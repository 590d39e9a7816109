/** A worker thread of a network run: takes its part of the steps until told to exit. */
import { parentPort, workerData } from 'node:worker_threads';
import { serveSteps } from './parallel.js';
import { threadPart, type ThreadInit } from './threads.js';

const part = threadPart(workerData as ThreadInit);
parentPort?.postMessage('ready');
serveSteps(part);
