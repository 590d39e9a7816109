// What the polychronous-group search (`groups.ts`) takes and gives.

/** One polychronous group: its anchors and the firings they set off, with the links between them. */
export interface PolychronousGroup {
  /** The neuron whose strong presynaptic partners were the anchors. */
  readonly neuron: number;
  /** Members in firing order (the 3 anchors first) and their firing times (ms from the first). */
  readonly members: Int32Array;
  readonly times: Int32Array;
  /** Links: presynaptic and postsynaptic neuron, delay (ms) and layer of each. */
  readonly links: {
    readonly pre: Int32Array;
    readonly post: Int32Array;
    readonly delay: Int32Array;
    readonly layer: Int32Array;
  };
  /** Layers of the longest path. */
  readonly layers: number;
  /** Time (ms) of the last firing. */
  readonly span: number;
}

export interface GroupSearchOptions {
  /** Excitatory neurons to search from: `from` … `to − 1` (all by default). */
  readonly from?: number;
  readonly to?: number;
  /** Called after each neuron with the neurons done and the number to do. */
  readonly onProgress?: (done: number, total: number, groups: number) => void;
  readonly signal?: AbortSignal;
}

export interface GroupSearchResult {
  readonly count: number;
  readonly groups: PolychronousGroup[];
  /** Neurons searched and the wall time (ms). */
  readonly neurons: number;
  readonly elapsedMs: number;
}
