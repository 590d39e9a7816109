/** The polychronization view's settings and their round trip through the URL's query string. */

export interface PolychronViewState {
  /** As typed: checked with the library's rules before a run. */
  readonly seed: string;
  readonly variant: string;
}

export const DEFAULT_POLYCHRON: PolychronViewState = { seed: '1', variant: 'matlab' };

export function writePolychronParams(state: PolychronViewState, params: URLSearchParams): void {
  params.set('seed', state.seed);
  params.set('variant', state.variant);
}

export function readPolychronParams(params: URLSearchParams): PolychronViewState {
  return {
    seed: params.get('seed') ?? DEFAULT_POLYCHRON.seed,
    variant: params.get('variant') ?? DEFAULT_POLYCHRON.variant,
  };
}
