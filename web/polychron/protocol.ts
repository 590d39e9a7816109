/** The messages between the polychronization view and its simulation worker. */
import type { PolychronVariant } from 'izhikit';

/** What the view asks for a new network. */
export interface PolychronSettings {
  readonly seed: number;
  readonly variant: PolychronVariant;
}

export type ToWorker =
  /** Builds a new network and runs it; with `until`, pauses when that many seconds are done. */
  | {
      readonly type: 'start';
      readonly settings: PolychronSettings;
      readonly until: number | undefined;
    }
  | { readonly type: 'pause' }
  /** Runs on; with `until`, pauses again at that second. */
  | { readonly type: 'resume'; readonly until: number | undefined }
  /** Asks for the run's checkpoint: answered by `checkpoint`. */
  | { readonly type: 'save' }
  /** Replaces the run by the checkpoint's (paused): answered by `loaded` or `load-failed`. */
  | { readonly type: 'load'; readonly bytes: Uint8Array; readonly name: string }
  /** Pauses and searches the current weights for groups: `groups-progress`, then `groups`. */
  | { readonly type: 'find-groups' }
  | { readonly type: 'cancel-groups' };

/** The clock: sent at most about ten times a second while running, and at each stop. */
export interface PolychronTick {
  readonly type: 'tick';
  /** Milliseconds of model time simulated. */
  readonly time: number;
  readonly running: boolean;
  /** Model seconds per wall second over the last second or so (NaN before it is known). */
  readonly speed: number;
}

/** What is drawn: sent once per new whole second of model time. */
export interface PolychronReport {
  readonly type: 'report';
  readonly settings: PolychronSettings;
  readonly seconds: number;
  /** Spikes of the last whole second: time (ms from that second's start) and neuron. */
  readonly rasterT: Int32Array;
  readonly rasterI: Int32Array;
  readonly ne: number;
  readonly ni: number;
  readonly excitatoryRate: Float64Array;
  readonly inhibitoryRate: Float64Array;
  readonly strongPercent: Float64Array;
  /** Weight histogram: bin edges (counts + 1) and counts. */
  readonly edges: number[];
  readonly counts: number[];
  readonly frequency: Float64Array;
  readonly power: Float64Array;
  readonly dominantFrequency: number;
  /** Seconds the spectrum covers. */
  readonly spectrumSeconds: number;
}

/** One polychronous group, as the view draws it. */
export interface GroupPicture {
  readonly neuron: number;
  readonly members: Int32Array;
  readonly times: Int32Array;
  readonly pre: Int32Array;
  readonly post: Int32Array;
  readonly delay: Int32Array;
  readonly layers: number;
  readonly span: number;
}

export type FromWorker =
  | PolychronTick
  | PolychronReport
  /** A setting the library refused (the run on screen is kept). */
  | { readonly type: 'failed'; readonly message: string; readonly parameter?: string }
  | { readonly type: 'checkpoint'; readonly bytes: Uint8Array; readonly seconds: number }
  | { readonly type: 'loaded'; readonly settings: PolychronSettings; readonly name: string }
  | { readonly type: 'load-failed'; readonly message: string }
  | {
      readonly type: 'groups-progress';
      readonly done: number;
      readonly total: number;
      readonly found: number;
    }
  | {
      readonly type: 'groups';
      readonly seconds: number;
      /** Excitatory neurons of the network: the members from `ne` on are inhibitory. */
      readonly ne: number;
      readonly groups: GroupPicture[];
      readonly elapsedMs: number;
    }
  | { readonly type: 'groups-failed'; readonly cancelled: boolean; readonly message: string };
