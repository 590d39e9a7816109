/**
 * The polychronization network of [2006] as a Brian2 script: the neurons and the synapses with
 * their integer delays from izhikit's build, each millisecond's phases in izhikit's order (SPEC
 * §9) and the STDP rule with its traces, the weights updated after each second.
 */
import { brian2Preamble, py } from './script.js';
import type { PolychronExport } from './polychron.js';

/**
 * The Brian2 script of an exported polychronization network. Brian2's schedule is set to
 * threshold → reset → synapses so that delivery's depression reads the trace of a neuron that
 * fired in the same millisecond (0.1), and each synapse's post pathway (potentiation) runs before
 * its pre pathway (delivery), as izhikit's phases 3 and 4.
 */
export function polychronBrian2Script(
  exported: PolychronExport,
  dataDir: string,
  scriptName = 'poly.py',
): string {
  const { network, variant } = exported;
  const depression = variant === 'cpp' ? 'sd -= LTD_post' : 'sd -= 1.2 * P_post';
  const constants = `VARIANT = ${JSON.stringify(variant)}
M = ${exported.synapsesPerNeuron}  # outgoing synapses per neuron
SMAX = ${py(exported.maxWeight)}
THALAMIC = 20.0  # the input of the neuron drawn each millisecond
`;
  return `#!/usr/bin/env python3
"""The polychronization network of Izhikevich (2006), exported by izhikit to Brian2.

Usage: python3 ${scriptName} [--out result.json] [--codegen numpy|cython|auto]
Writes {"rates": {"excitatory", "inhibitory"}, "spikes": {"t", "i"}, "seconds": [{"second",
"excitatoryRate", "inhibitoryRate", "strongPercent", "meanExcitatoryWeight"}, ...]}: t is the
millisecond that fired (from 0); strongPercent is taken before the second's weight update, as
izhikit and poly_spnet.cpp log it, the mean excitatory weight after it.

Variant ${variant} (${variant === 'cpp' ? 'poly_spnet.cpp' : 'spnet.m'}). Exact as in izhikit: the
synapses, weights, integer delays and start state (izhikit's build for seed ${network.seed}); each
millisecond's order: input, threshold (v >= 30) and reset with the trace P = 0.1, potentiation
sd += P_pre(t - delay), delivery I += s with depression ${depression},
v's two half-steps of 0.5 ms and u from the new v, the traces x 0.95; after each second the
excitatory weights ${
    variant === 'cpp'
      ? 'sd = 0.9 sd, then s = s + 0.01 + sd clipped to [0, SMAX]'
      : 's = min(SMAX, max(0, s + 0.01 + sd)), then sd = 0.9 sd'
  }; the input: each millisecond the neuron izhikit's
generator draws for the seed (input.npy) gets 20. In the first second, whose weights are whole
numbers, the spikes are izhikit's; afterwards sums of sd in another order (and a trace k ms old,
0.1 * 0.95**k here, a repeated product in izhikit) differ in the last bits, and the spikes drift
apart as in any chaotic network: compare statistics then.
"""
${brian2Preamble(network, dataDir, constants)}    n = NE + NI
    steps = int(round(DURATION / DT))
    drawn = load('input') if steps > 0 else np.zeros(1)  # izhikit's draws, one per millisecond
    chosen = b2.TimedArray(drawn.astype(float), dt=DT * b2.ms)
    neurons = b2.NeuronGroup(
        n,
        'a : 1\\nd : 1\\nv : 1\\nu : 1\\nI : 1\\nP : 1\\nLTD : 1',
        threshold='v >= 30',
        reset='v = -65\\nu = u + d\\nP = 0.1\\nLTD = 0.12',
        namespace={'chosen': chosen},
    )
    neurons.a = load('a')
    neurons.d = load('d')
    neurons.v = load('v0')
    neurons.u = 0.2 * load('v0')
    neurons.run_regularly('I = %r * int(i == chosen(t))' % THALAMIC, when='start')
    half = 'v = v + 0.5 * ((0.04 * v + 5) * v + 140 - u + I)\\n'
    neurons.run_regularly(
        half + half + 'u = u + a * (0.2 * v - u)\\nP = 0.95 * P\\nLTD = 0.95 * LTD', when='end')

    pre, post, weight, delay, counts = (load(name) for name in ('pre', 'post', 'weight', 'delay', 'gain'))
    excitatory = pre < NE
    # the pre trace a spike brings, read when the target fires: P_pre(t - delay) = 0.1 * 0.95**k,
    # k = t - 1 - (the millisecond the spike arrived), arrivals of this millisecond not yet seen
    plastic = b2.Synapses(
        neurons, neurons, 's : 1\\nsd : 1\\ngain : 1\\narrival : 1',
        on_pre='I_post += gain * s\\n${depression}\\narrival = t / ms',
        on_post='sd += 0.1 * 0.95 ** (t / ms - 1 - arrival)')
    plastic.connect(i=pre[excitatory], j=post[excitatory])
    plastic.s = weight[excitatory]
    plastic.gain = counts[excitatory]
    plastic.arrival = -1e9
    # a synapse of delay d delivers d - 1 ms after the spike (delay 1: in the firing millisecond)
    plastic.pre.delay = (delay[excitatory] - 1) * b2.ms
    plastic.post.order = plastic.pre.order - 1
    objects = [neurons, plastic]
    if np.any(~excitatory):
        static = b2.Synapses(neurons, neurons, 's : 1\\ngain : 1', on_pre='I_post += gain * s')
        static.connect(i=pre[~excitatory], j=post[~excitatory])
        static.s = weight[~excitatory]
        static.gain = counts[~excitatory]
        static.pre.delay = (delay[~excitatory] - 1) * b2.ms
        objects.append(static)
    onto_excitatory = post[excitatory] < NE
    seconds = []

    def update_weights():
        s = np.asarray(plastic.s[:])
        sd = np.asarray(plastic.sd[:])
        strong = 100.0 * np.sum((s > 0.9 * SMAX) & onto_excitatory) / (NE * M)
        if VARIANT == 'cpp':
            sd = 0.9 * sd
            s = np.clip(s + (0.01 + sd), 0, SMAX)
        else:
            s = np.maximum(0, np.minimum(SMAX, 0.01 + s + sd))
            sd = 0.9 * sd
        plastic.s = s
        plastic.sd = sd
        seconds.append({'second': len(seconds) + 1, 'strongPercent': float(strong),
                        'meanExcitatoryWeight': float(np.mean(s)) if s.size else None})

    @b2.network_operation(dt=1000 * b2.ms, when='start')
    def each_second(t):
        if t > 0 * b2.ms:
            update_weights()

    monitor = b2.SpikeMonitor(neurons)
    net = b2.Network(*objects, monitor, each_second)
    net.schedule = ['start', 'groups', 'thresholds', 'resets', 'synapses', 'end']
    net.run(DURATION * b2.ms)
    if steps > 0:
        update_weights()  # after the last second
    i = np.asarray(monitor.i)
    t = np.rint(np.asarray(monitor.t / b2.ms))  # whole milliseconds (t = step · dt has rounding)
    second = (t // 1000).astype(int)
    for k, entry in enumerate(seconds):
        entry['excitatoryRate'] = float(np.sum((second == k) & (i < NE))) / NE
        entry['inhibitoryRate'] = float(np.sum((second == k) & (i >= NE))) / NI if NI > 0 else None
    with open(args.out, 'w') as out:
        json.dump({'rates': rates(i), 'spikes': {'t': t.tolist(), 'i': i.tolist()},
                   'seconds': seconds}, out)


if __name__ == '__main__':
    main()
`;
}
