/**
 * The group search on Node worker threads: each thread searches whole neurons, handed out one at
 * a time, and the groups are put together in neuron order. The search from one neuron depends on
 * no other (every buffer a trial reads is cleared, or never read, before the next trial), so the
 * result is that of `findPolychronousGroups`, group for group, for any number of threads.
 */
import { CancelledError } from '../errors.js';
import { requireWholeNumber } from '../model/izhikevich.js';
import { spawnWorkers, type NodeWorker } from '../network/threads.js';
import type { GroupSearchOptions, GroupSearchResult, PolychronousGroup } from './group-types.js';
import { findPolychronousGroupsAsync, type GroupSearchNetwork } from './groups.js';
import type { PolychronState } from './network.js';

/** The most threads a search starts. */
export const MAX_GROUP_THREADS = 256;

/** `threads` if it is a whole number from 1 to MAX_GROUP_THREADS; a ParameterError if not. */
export function checkGroupThreads(threads: number): number {
  return requireWholeNumber('threads', threads, 1, MAX_GROUP_THREADS);
}

/** What a thread is sent: the arrays the search reads (copied to it). */
function networkOf(state: PolychronState): GroupSearchNetwork {
  const { ne, maxDelay, maxWeight } = state.options;
  const { start, synapse, source, delay } = state.incoming;
  return {
    n: state.n,
    a: state.a.slice(),
    d: state.d.slice(),
    weight: state.weight.slice(),
    options: { ne, maxDelay, maxWeight },
    synapses: {
      target: state.synapses.target.slice(),
      groupStart: state.synapses.groupStart.slice(),
    },
    incoming: {
      start: start.slice(),
      synapse: synapse.slice(),
      source: source.slice(),
      delay: delay.slice(),
    },
  };
}

/**
 * `findPolychronousGroups` on `threads` Node worker threads (the machine's cores by default);
 * with one thread, or where there are no worker threads, the search runs here.
 */
export async function findPolychronousGroupsThreaded(
  state: PolychronState,
  options: GroupSearchOptions & { readonly threads?: number } = {},
): Promise<GroupSearchResult> {
  const from = options.from ?? 0;
  const to = options.to ?? state.options.ne;
  const threads = Math.min(checkGroupThreads(options.threads ?? 1), Math.max(1, to - from));
  if (threads === 1 || typeof process !== 'object')
    return findPolychronousGroupsAsync(state, options);
  const started = performance.now();
  const network = networkOf(state);
  const workers = await spawnWorkers(
    new Array<GroupSearchNetwork>(threads).fill(network),
    '../polychron/group-worker',
  );
  const found: (PolychronousGroup[] | undefined)[] = new Array(to - from);
  let next = from;
  let done = 0;
  let count = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const stop = (error: unknown) =>
        reject(error instanceof Error ? error : new Error(String(error)));
      options.signal?.addEventListener(
        'abort',
        () => stop(new CancelledError('the group search was cancelled')),
        { once: true },
      );
      if (options.signal?.aborted === true)
        stop(new CancelledError('the group search was cancelled'));
      const hand = (worker: NodeWorker) => {
        if (next < to) worker.postMessage(next++);
        else worker.postMessage(-1);
      };
      for (const worker of workers) {
        worker.on('error', stop);
        worker.on('message', (message) => {
          if (message === 'ready') {
            hand(worker);
            return;
          }
          const { neuron, groups } = message as { neuron: number; groups: PolychronousGroup[] };
          found[neuron - from] = groups;
          done++;
          count += groups.length;
          options.onProgress?.(done, to - from, count);
          if (done === to - from) resolve();
          else hand(worker);
        });
      }
    });
  } finally {
    for (const worker of workers) void worker.terminate();
  }
  const groups = found.flatMap((list) => list ?? []);
  return {
    count: groups.length,
    groups,
    neurons: to - from,
    elapsedMs: performance.now() - started,
  };
}
