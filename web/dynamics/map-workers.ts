/**
 * The parameter map's worker pool: one Web Worker per core (at most four), each giving the
 * library's `scheduleParameterMap` one row runner. Cancelling stops the workers at once; the next
 * run starts fresh ones.
 */
import {
  scheduleParameterMap,
  type MapRowRunner,
  type ParameterMap,
  type ResolvedMapSpec,
} from 'izhikit';
import { WorkerLink } from './worker-link.js';

/** Workers for a map: the cores the browser reports, between 1 and 4. */
export function mapWorkerCount(): number {
  const cores = typeof navigator === 'undefined' ? 2 : (navigator.hardwareConcurrency ?? 2);
  return Math.max(1, Math.min(4, cores));
}

export class MapWorkers {
  private links: WorkerLink[] = [];
  readonly size: number;

  constructor(size = mapWorkerCount()) {
    this.size = size;
  }

  /** Computes the map over the pool; a `CancelledError` when `signal` aborts (workers stopped). */
  async run(
    spec: ResolvedMapSpec,
    options: { onProgress: (fraction: number) => void; signal: AbortSignal },
  ): Promise<ParameterMap> {
    if (this.links.length === 0) {
      this.links = Array.from({ length: this.size }, () => new WorkerLink());
    }
    const links = this.links;
    const runners: MapRowRunner[] = links.map(
      (link) => (resolved, rowStart, rowEnd) => link.rows(resolved, rowStart, rowEnd),
    );
    try {
      return await scheduleParameterMap(spec, runners, options);
    } catch (error) {
      // A cancelled or failed run may leave blocks in flight: stop its workers (only its own:
      // a new run may have started on fresh ones meanwhile).
      for (const link of links) link.terminate();
      if (this.links === links) this.links = [];
      throw error;
    }
  }

  /** Stops every worker now; the next run starts fresh ones. */
  stop(): void {
    for (const link of this.links) link.terminate();
    this.links = [];
  }
}
