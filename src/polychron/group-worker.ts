/**
 * A worker thread of the threaded group search: searches the neurons it is sent, one at a time,
 * and answers each with the groups found from it, until it is sent −1.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PolychronousGroup } from './group-types.js';
import { GroupSearch, type GroupSearchNetwork } from './groups.js';

const search = new GroupSearch(workerData as GroupSearchNetwork);
parentPort?.on('message', (neuron: number) => {
  if (neuron < 0) {
    parentPort?.close();
    return;
  }
  const groups: PolychronousGroup[] = [];
  search.searchFrom(neuron, groups);
  parentPort?.postMessage({ neuron, groups });
});
parentPort?.postMessage('ready');
