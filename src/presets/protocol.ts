/** A preset's protocol as simulation options, for either form of the model. */
import { stripUndefined } from '../model/izhikevich.js';

/** What a preset's options are made of: neuron, initial state, grid and input. */
export interface Protocol<Params> {
  readonly params: Params;
  readonly v0?: number;
  readonly u0?: number;
  readonly dt: number;
  readonly duration: number;
  readonly input: string;
}

/**
 * The neuron's parameters, then v0 and u0 where the protocol gives them, the grid and the input,
 * each overridden by any override that is not undefined.
 */
export function protocolOptions<Params extends object, Options>(
  protocol: Protocol<Params>,
  overrides: Partial<Options>,
): Options {
  const p = protocol;
  return {
    ...p.params,
    ...(p.v0 === undefined ? {} : { v0: p.v0 }),
    ...(p.u0 === undefined ? {} : { u0: p.u0 }),
    dt: p.dt,
    duration: p.duration,
    input: p.input,
    ...stripUndefined(overrides),
  } as Options;
}
