"""Anchor for bench/anchors.ts: the network of [2003] in Brian2 (Cython code generation),
dt = 1 ms, 1000 ms, weights scaled by 800/Ne and 200/Ni. Usage: python3 net_brian2.py NE NI.
Prints the time of the 1000 ms run (after 1 ms that compiles the code) in ms and the mean rate."""
import sys
import time

from brian2 import NeuronGroup, Synapses, SpikeMonitor, Network, defaultclock, ms, prefs, rand
import numpy as np

prefs.codegen.target = 'cython'
ne, ni = int(sys.argv[1]), int(sys.argv[2])
n = ne + ni
defaultclock.dt = 1 * ms


def build():
    group = NeuronGroup(
        n,
        '''a : 1
           b : 1
           c : 1
           d : 1
           sigma : 1
           v : 1
           u : 1
           I : 1''',
        threshold='v >= 30', reset='v = c; u += d', method='euler')
    r = np.random.rand(n)
    exc = np.arange(n) < ne
    group.a = np.where(exc, 0.02, 0.02 + 0.08 * r)
    group.b = np.where(exc, 0.2, 0.25 - 0.05 * r)
    group.c = np.where(exc, -65 + 15 * r**2, -65)
    group.d = np.where(exc, 8 - 6 * r**2, 2)
    group.sigma = np.where(exc, 5, 2)
    group.v = -65
    group.u = group.b * -65
    group.run_regularly('I = sigma * randn()', when='before_thresholds')
    group.run_regularly('''v += 0.5 * (0.04 * v**2 + 5 * v + 140 - u + I)
                           v += 0.5 * (0.04 * v**2 + 5 * v + 140 - u + I)
                           u += a * (b * v - u)''', when='groups')
    synapses = Synapses(group, group, 'w : 1', on_pre='I_post += w')
    synapses.connect()
    pre = synapses.i[:]
    synapses.w = np.where(pre < ne, 0.5 * np.random.rand(len(pre)) * 800 / ne,
                          -np.random.rand(len(pre)) * 200 / ni)
    monitor = SpikeMonitor(group)
    return Network(group, synapses, monitor), monitor


net, monitor = build()
net.run(1 * ms)  # compiles the generated code (cached on disk for later runs)
before = monitor.num_spikes
start = time.perf_counter()
net.run(1000 * ms)
elapsed = (time.perf_counter() - start) * 1000
print(f'{elapsed:.1f} {(monitor.num_spikes - before) / n:.2f}')
