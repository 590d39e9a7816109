/** Mean firing rates of a network's excitatory and inhibitory populations. */

export interface PopulationRates {
  /** Mean rate of neurons 0 … Ne − 1 (Hz); NaN when there are none. */
  readonly excitatory: number;
  /** Mean rate of neurons Ne … N − 1 (Hz); NaN when there are none. */
  readonly inhibitory: number;
}

/**
 * populationRates(neurons, ne, ni, spanMs): spikes per neuron per second of each population,
 * from the neuron index of every spike and the simulated span in ms.
 */
export function populationRates(
  neurons: ArrayLike<number>,
  ne: number,
  ni: number,
  spanMs: number,
): PopulationRates {
  let excitatory = 0;
  for (let s = 0; s < neurons.length; s++) if ((neurons[s] as number) < ne) excitatory++;
  const inhibitory = neurons.length - excitatory;
  const seconds = spanMs / 1000;
  return {
    excitatory: ne === 0 ? NaN : excitatory / (ne * seconds),
    inhibitory: ni === 0 ? NaN : inhibitory / (ni * seconds),
  };
}
