/**
 * The parameter map's worker pool: one Web Worker per core (at most four), each giving the
 * library's scheduler of the map's form (`scheduleParameterMap` or `scheduleBookParameterMap`)
 * one row runner. Cancelling stops the workers at once; the next run starts fresh ones.
 */
import {
  scheduleAnyMap,
  type AnyMapSpec,
  type AnyParameterMap,
  type AnyRowRunner,
} from './map-model.js';
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
    spec: AnyMapSpec,
    options: { onProgress: (fraction: number) => void; signal: AbortSignal },
  ): Promise<AnyParameterMap> {
    if (this.links.length === 0) {
      this.links = Array.from({ length: this.size }, () => new WorkerLink());
    }
    const links = this.links;
    const runners: AnyRowRunner[] = links.map(
      (link) => (resolved, rowStart, rowEnd) => link.rows(resolved, rowStart, rowEnd),
    );
    try {
      return await scheduleAnyMap(spec, runners, options);
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
