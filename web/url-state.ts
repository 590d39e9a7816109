/**
 * Keeps the page's state in its URL: each change rewrites the query string (debounced, since
 * browsers throttle history updates during a slider drag), and a copied link reopens the view.
 */

export type ViewName = 'neuron' | 'gallery' | 'network' | 'polychron' | 'dynamics';

export const VIEW_NAMES: readonly ViewName[] = [
  'neuron',
  'gallery',
  'network',
  'polychron',
  'dynamics',
];

export function isViewName(name: string | null): name is ViewName {
  return name !== null && (VIEW_NAMES as readonly string[]).includes(name);
}

/** Delay (ms) between the last change and the URL rewrite. */
const DEBOUNCE_MS = 200;

export class UrlState {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: URLSearchParams | undefined;

  /** The query parameters the page was opened with (or navigated back to). */
  read(): URLSearchParams {
    return new URLSearchParams(window.location.search);
  }

  /** Replaces the URL's query soon (the last call in a burst wins). */
  replaceSoon(params: URLSearchParams): void {
    this.pending = params;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), DEBOUNCE_MS);
  }

  /** Writes a pending change now. */
  flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending === undefined) return;
    const url = `${window.location.pathname}?${this.pending.toString()}`;
    this.pending = undefined;
    if (url !== `${window.location.pathname}${window.location.search}`) {
      window.history.replaceState(null, '', url);
    }
  }

  /** Adds a history entry (switching views), so that Back returns to the previous view. */
  push(params: URLSearchParams): void {
    this.pending = undefined;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    window.history.pushState(null, '', `${window.location.pathname}?${params.toString()}`);
  }
}
