;; The polychronization network's WebAssembly kernels for its millisecond: firing and
;; potentiation, the delivery of spikes with depression (both variants), and the updates of v
;; and u with the decay of the STDP trace (two double-precision lanes per instruction). Each
;; computes exactly what the JavaScript loop of the same name in `step.ts` computes, operation for
;; operation in the same order (WebAssembly rounds every operation as JavaScript does and never
;; fuses a multiply-add), so both give the same bits.
;;
;; Assembled by `npm run build:kernels` (wabt's wat2wasm) into `kernels.generated.ts`. All
;; addresses are bytes.
(module
  (import "env" "memory" (memory 1 65536))

  ;; neurons(v, u, a, input, from, to, copy, n): for i in 0 … n − 1
  ;;   v ← v + 0.5·((((0.04·v + 5)·v + 140) − u) + I), twice
  ;;   u ← u + a·(0.2·v − u)
  ;;   to[i] ← 0.95·from[i], copy[i] ← the same
  ;; pairs of neurons first, then the last one when n is odd (the same operations on one lane).
  (func (export "neurons")
    (param $v i32) (param $u i32) (param $a i32) (param $input i32)
    (param $from i32) (param $to i32) (param $copy i32) (param $n i32)
    (local $offset i32) (local $pairsEnd i32) (local $end i32)
    (local $vv v128) (local $uu v128) (local $ii v128) (local $tt v128)
    (local $v1 f64) (local $u1 f64) (local $i1 f64) (local $t1 f64)
    (local.set $end (i32.shl (local.get $n) (i32.const 3)))
    (local.set $pairsEnd (i32.shl (i32.and (local.get $n) (i32.const -2)) (i32.const 3)))
    (block $pairsDone
      (loop $pairs
        (br_if $pairsDone (i32.ge_u (local.get $offset) (local.get $pairsEnd)))
        (local.set $vv (v128.load align=8 (i32.add (local.get $v) (local.get $offset))))
        (local.set $uu (v128.load align=8 (i32.add (local.get $u) (local.get $offset))))
        (local.set $ii (v128.load align=8 (i32.add (local.get $input) (local.get $offset))))
        (local.set $vv (f64x2.add (local.get $vv) (f64x2.mul (v128.const f64x2 0.5 0.5)
          (f64x2.add (f64x2.sub (f64x2.add
            (f64x2.mul (f64x2.add (f64x2.mul (v128.const f64x2 0.04 0.04) (local.get $vv))
              (v128.const f64x2 5 5)) (local.get $vv))
            (v128.const f64x2 140 140))
            (local.get $uu))
            (local.get $ii)))))
        (local.set $vv (f64x2.add (local.get $vv) (f64x2.mul (v128.const f64x2 0.5 0.5)
          (f64x2.add (f64x2.sub (f64x2.add
            (f64x2.mul (f64x2.add (f64x2.mul (v128.const f64x2 0.04 0.04) (local.get $vv))
              (v128.const f64x2 5 5)) (local.get $vv))
            (v128.const f64x2 140 140))
            (local.get $uu))
            (local.get $ii)))))
        (v128.store align=8 (i32.add (local.get $v) (local.get $offset)) (local.get $vv))
        (v128.store align=8 (i32.add (local.get $u) (local.get $offset))
          (f64x2.add (local.get $uu)
            (f64x2.mul (v128.load align=8 (i32.add (local.get $a) (local.get $offset)))
              (f64x2.sub (f64x2.mul (v128.const f64x2 0.2 0.2) (local.get $vv)) (local.get $uu)))))
        (local.set $tt (f64x2.mul (v128.const f64x2 0.95 0.95)
          (v128.load align=8 (i32.add (local.get $from) (local.get $offset)))))
        (v128.store align=8 (i32.add (local.get $to) (local.get $offset)) (local.get $tt))
        (v128.store align=8 (i32.add (local.get $copy) (local.get $offset)) (local.get $tt))
        (local.set $offset (i32.add (local.get $offset) (i32.const 16)))
        (br $pairs)))
    (if (i32.lt_u (local.get $offset) (local.get $end))
      (then
        (local.set $v1 (f64.load (i32.add (local.get $v) (local.get $offset))))
        (local.set $u1 (f64.load (i32.add (local.get $u) (local.get $offset))))
        (local.set $i1 (f64.load (i32.add (local.get $input) (local.get $offset))))
        (local.set $v1 (f64.add (local.get $v1) (f64.mul (f64.const 0.5)
          (f64.add (f64.sub (f64.add
            (f64.mul (f64.add (f64.mul (f64.const 0.04) (local.get $v1)) (f64.const 5))
              (local.get $v1))
            (f64.const 140))
            (local.get $u1))
            (local.get $i1)))))
        (local.set $v1 (f64.add (local.get $v1) (f64.mul (f64.const 0.5)
          (f64.add (f64.sub (f64.add
            (f64.mul (f64.add (f64.mul (f64.const 0.04) (local.get $v1)) (f64.const 5))
              (local.get $v1))
            (f64.const 140))
            (local.get $u1))
            (local.get $i1)))))
        (f64.store (i32.add (local.get $v) (local.get $offset)) (local.get $v1))
        (f64.store (i32.add (local.get $u) (local.get $offset))
          (f64.add (local.get $u1)
            (f64.mul (f64.load (i32.add (local.get $a) (local.get $offset)))
              (f64.sub (f64.mul (f64.const 0.2) (local.get $v1)) (local.get $u1)))))
        (local.set $t1 (f64.mul (f64.const 0.95)
          (f64.load (i32.add (local.get $from) (local.get $offset)))))
        (f64.store (i32.add (local.get $to) (local.get $offset)) (local.get $t1))
        (f64.store (i32.add (local.get $copy) (local.get $offset)) (local.get $t1)))))

  ;; fire(v, u, d, trace, copy, lastSpike, fired, n, t) → count: every neuron i with v ≥ 30 (not
  ;; v < 30, as the JavaScript loop tests it), in
  ;; index order: v ← −65, u ← u + d, trace[i] ← 0.1, copy[i] ← 0.1, lastSpike[i] ← t, and i is
  ;; appended to the list at `fired`. `trace` and `copy` are the addresses of slot t's two copies.
  (func (export "fire")
    (param $v i32) (param $u i32) (param $d i32) (param $trace i32) (param $copy i32)
    (param $lastSpike i32) (param $fired i32) (param $n i32) (param $t i32) (result i32)
    (local $i i32) (local $at i32) (local $count i32)
    (block $done
      (loop $neurons
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $at (i32.shl (local.get $i) (i32.const 3)))
        ;; not (v < 30), as the JavaScript loop tests it
        (if (i32.eqz (f64.lt (f64.load (i32.add (local.get $v) (local.get $at))) (f64.const 30)))
          (then
            (f64.store (i32.add (local.get $v) (local.get $at)) (f64.const -65))
            (f64.store (i32.add (local.get $u) (local.get $at))
              (f64.add (f64.load (i32.add (local.get $u) (local.get $at)))
                (f64.load (i32.add (local.get $d) (local.get $at)))))
            (f64.store (i32.add (local.get $trace) (local.get $at)) (f64.const 0.1))
            (f64.store (i32.add (local.get $copy) (local.get $at)) (f64.const 0.1))
            (i32.store (i32.add (local.get $lastSpike) (i32.shl (local.get $i) (i32.const 2)))
              (local.get $t))
            (i32.store (i32.add (local.get $fired) (i32.shl (local.get $count) (i32.const 2)))
              (local.get $i))
            (local.set $count (i32.add (local.get $count) (i32.const 1)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $neurons)))
    (local.get $count))

  ;; potentiate(fired, count, start, synapse, offset, change, trace): for each of the `count`
  ;; neurons i listed at `fired`, for k in start[i] … start[i + 1] − 1:
  ;;   change[synapse[k]] ← change[synapse[k]] + trace[offset[k]]
  ;; (`trace` is the address of slot t's first copy, so offset[k] reads P(t − δ) of the source).
  (func (export "potentiate")
    (param $fired i32) (param $count i32) (param $start i32) (param $synapse i32)
    (param $offset i32) (param $change i32) (param $trace i32)
    (local $f i32) (local $i i32) (local $k i32) (local $end i32) (local $at i32)
    (block $done
      (loop $spikes
        (br_if $done (i32.ge_u (local.get $f) (local.get $count)))
        (local.set $i (i32.load (i32.add (local.get $fired) (i32.shl (local.get $f) (i32.const 2)))))
        (local.set $at (i32.add (local.get $start) (i32.shl (local.get $i) (i32.const 2))))
        (local.set $k (i32.shl (i32.load (local.get $at)) (i32.const 2)))
        (local.set $end (i32.shl (i32.load offset=4 (local.get $at)) (i32.const 2)))
        (block $synapsesDone
          (loop $synapses
            (br_if $synapsesDone (i32.ge_u (local.get $k) (local.get $end)))
            (local.set $at (i32.add (local.get $change)
              (i32.shl (i32.load (i32.add (local.get $synapse) (local.get $k))) (i32.const 3))))
            (f64.store (local.get $at)
              (f64.add (f64.load (local.get $at))
                (f64.load (i32.add (local.get $trace)
                  (i32.shl (i32.load (i32.add (local.get $offset) (local.get $k))) (i32.const 3))))))
            (local.set $k (i32.add (local.get $k) (i32.const 4)))
            (br $synapses)))
        (local.set $f (i32.add (local.get $f) (i32.const 1)))
        (br $spikes))))

  ;; deliverCpp(t, maxDelay, n, ne, ring, counts, groupStart, target, weight, change, input,
  ;; lastSpike, ltd, ltdLength): for age 0 … min(maxDelay − 1, t), slot = (t − age) mod maxDelay,
  ;; the neurons j of that slot's list from the last to the first, each synapse s of group
  ;; j·maxDelay + age: I[target] ← I[target] + weight[s], and when j < ne
  ;;   change[s] ← change[s] − LTD, LTD = ltd[t − last] if t − last < ltdLength, else 0 for a
  ;;   neuron that never fired (last = −2³⁰), else ltd[ltdLength − 1] (last = lastSpike[target]).
  (func (export "deliverCpp")
    (param $t i32) (param $maxDelay i32) (param $n i32) (param $ne i32) (param $ring i32)
    (param $counts i32) (param $groupStart i32) (param $target i32) (param $weight i32)
    (param $change i32) (param $input i32) (param $lastSpike i32) (param $ltd i32)
    (param $ltdLength i32)
    (local $age i32) (local $ages i32) (local $list i32) (local $k i32) (local $j i32)
    (local $group i32) (local $s i32) (local $end i32) (local $i i32) (local $last i32)
    (local $since i32) (local $at i32) (local $depression f64) (local $floor f64)
    (local.set $floor (f64.load (i32.add (local.get $ltd)
      (i32.shl (i32.sub (local.get $ltdLength) (i32.const 1)) (i32.const 3)))))
    (local.set $ages (select (local.get $maxDelay) (i32.add (local.get $t) (i32.const 1))
      (i32.lt_u (local.get $maxDelay) (i32.add (local.get $t) (i32.const 1)))))
    (block $agesDone
      (loop $ageLoop
        (br_if $agesDone (i32.ge_u (local.get $age) (local.get $ages)))
        (local.set $k (i32.rem_u (i32.sub (local.get $t) (local.get $age)) (local.get $maxDelay)))
        (local.set $list (i32.add (local.get $ring)
          (i32.shl (i32.mul (local.get $k) (local.get $n)) (i32.const 2))))
        (local.set $k (i32.load (i32.add (local.get $counts) (i32.shl (local.get $k) (i32.const 2)))))
        (block $spikesDone
          (loop $spikes
            (br_if $spikesDone (i32.eqz (local.get $k)))
            (local.set $k (i32.sub (local.get $k) (i32.const 1)))
            (local.set $j (i32.load (i32.add (local.get $list) (i32.shl (local.get $k) (i32.const 2)))))
            (local.set $group (i32.add (local.get $groupStart) (i32.shl
              (i32.add (i32.mul (local.get $j) (local.get $maxDelay)) (local.get $age)) (i32.const 2))))
            (local.set $s (i32.load (local.get $group)))
            (local.set $end (i32.load offset=4 (local.get $group)))
            (if (i32.lt_s (local.get $j) (local.get $ne))
              (then
                (block $excitatoryDone
                  (loop $excitatory
                    (br_if $excitatoryDone (i32.ge_u (local.get $s) (local.get $end)))
                    (local.set $i (i32.load (i32.add (local.get $target) (i32.shl (local.get $s) (i32.const 2)))))
                    (local.set $at (i32.add (local.get $input) (i32.shl (local.get $i) (i32.const 3))))
                    (f64.store (local.get $at) (f64.add (f64.load (local.get $at))
                      (f64.load (i32.add (local.get $weight) (i32.shl (local.get $s) (i32.const 3))))))
                    (local.set $last (i32.load (i32.add (local.get $lastSpike) (i32.shl (local.get $i) (i32.const 2)))))
                    (if (i32.eq (local.get $last) (i32.const -1073741824))
                      (then (local.set $depression (f64.const 0)))
                      (else
                        (local.set $since (i32.sub (local.get $t) (local.get $last)))
                        (local.set $depression
                          (if (result f64) (i32.lt_u (local.get $since) (local.get $ltdLength))
                            (then (f64.load (i32.add (local.get $ltd) (i32.shl (local.get $since) (i32.const 3)))))
                            (else (local.get $floor))))))
                    (local.set $at (i32.add (local.get $change) (i32.shl (local.get $s) (i32.const 3))))
                    (f64.store (local.get $at) (f64.sub (f64.load (local.get $at)) (local.get $depression)))
                    (local.set $s (i32.add (local.get $s) (i32.const 1)))
                    (br $excitatory))))
              (else
                (block $inhibitoryDone
                  (loop $inhibitory
                    (br_if $inhibitoryDone (i32.ge_u (local.get $s) (local.get $end)))
                    (local.set $at (i32.add (local.get $input) (i32.shl
                      (i32.load (i32.add (local.get $target) (i32.shl (local.get $s) (i32.const 2))))
                      (i32.const 3))))
                    (f64.store (local.get $at) (f64.add (f64.load (local.get $at))
                      (f64.load (i32.add (local.get $weight) (i32.shl (local.get $s) (i32.const 3))))))
                    (local.set $s (i32.add (local.get $s) (i32.const 1)))
                    (br $inhibitory)))))
            (br $spikes)))
        (local.set $age (i32.add (local.get $age) (i32.const 1)))
        (br $ageLoop))))

  ;; deliverMatlab(t, maxDelay, n, ring, counts, groupStart, target, weight, change, input,
  ;; shadowed, trace): as deliverCpp, but I[target] ← I[target] + weight[s] only where shadowed[s]
  ;; is 0, and every synapse: change[s] ← change[s] − 1.2·trace[target] (`trace`: slot t's address).
  (func (export "deliverMatlab")
    (param $t i32) (param $maxDelay i32) (param $n i32) (param $ring i32) (param $counts i32)
    (param $groupStart i32) (param $target i32) (param $weight i32) (param $change i32)
    (param $input i32) (param $shadowed i32) (param $trace i32)
    (local $age i32) (local $ages i32) (local $list i32) (local $k i32) (local $j i32)
    (local $group i32) (local $s i32) (local $end i32) (local $i i32) (local $at i32)
    (local.set $ages (select (local.get $maxDelay) (i32.add (local.get $t) (i32.const 1))
      (i32.lt_u (local.get $maxDelay) (i32.add (local.get $t) (i32.const 1)))))
    (block $agesDone
      (loop $ageLoop
        (br_if $agesDone (i32.ge_u (local.get $age) (local.get $ages)))
        (local.set $k (i32.rem_u (i32.sub (local.get $t) (local.get $age)) (local.get $maxDelay)))
        (local.set $list (i32.add (local.get $ring)
          (i32.shl (i32.mul (local.get $k) (local.get $n)) (i32.const 2))))
        (local.set $k (i32.load (i32.add (local.get $counts) (i32.shl (local.get $k) (i32.const 2)))))
        (block $spikesDone
          (loop $spikes
            (br_if $spikesDone (i32.eqz (local.get $k)))
            (local.set $k (i32.sub (local.get $k) (i32.const 1)))
            (local.set $j (i32.load (i32.add (local.get $list) (i32.shl (local.get $k) (i32.const 2)))))
            (local.set $group (i32.add (local.get $groupStart) (i32.shl
              (i32.add (i32.mul (local.get $j) (local.get $maxDelay)) (local.get $age)) (i32.const 2))))
            (local.set $s (i32.load (local.get $group)))
            (local.set $end (i32.load offset=4 (local.get $group)))
            (block $synapsesDone
              (loop $synapses
                (br_if $synapsesDone (i32.ge_u (local.get $s) (local.get $end)))
                (local.set $i (i32.shl
                  (i32.load (i32.add (local.get $target) (i32.shl (local.get $s) (i32.const 2))))
                  (i32.const 3)))
                (if (i32.eqz (i32.load8_u (i32.add (local.get $shadowed) (local.get $s))))
                  (then
                    (local.set $at (i32.add (local.get $input) (local.get $i)))
                    (f64.store (local.get $at) (f64.add (f64.load (local.get $at))
                      (f64.load (i32.add (local.get $weight) (i32.shl (local.get $s) (i32.const 3))))))))
                (local.set $at (i32.add (local.get $change) (i32.shl (local.get $s) (i32.const 3))))
                (f64.store (local.get $at) (f64.sub (f64.load (local.get $at))
                  (f64.mul (f64.const 1.2) (f64.load (i32.add (local.get $trace) (local.get $i))))))
                (local.set $s (i32.add (local.get $s) (i32.const 1)))
                (br $synapses)))
            (br $spikes)))
        (local.set $age (i32.add (local.get $age) (i32.const 1)))
        (br $ageLoop))))
)
