;; The sparse network's WebAssembly kernels: the build's synapse draws and event-driven synaptic
;; delivery (phase 3) over a range of neurons [from, to), so that threads can share a step. Each
;; computes exactly what the JavaScript loops of `src/sparse/build.ts` and `src/sparse/step.ts`
;; (`deliverRange`) compute, operation for operation in the same order (WebAssembly rounds every
;; operation as JavaScript does and never fuses a multiply-add), so both give the same bits. The
;; noise and the threshold (phases 1 and 2) are the step kernel's (`noise`, `threshold`,
;; `thresholdList` of `src/network/step.wat`), the updates of v and u the dense network's kernels
;; (`membrane`, `recoverList` of `src/network/kernels.wat`), over the same memory.
;;
;; Assembled by `npm run build:kernels` (wabt's wat2wasm) into `kernels.generated.ts`, twice: with
;; the memory as written here and with a shared memory (for threads). All addresses are bytes.
(module
  (import "env" "memory" (memory 1 65536))

  ;; The draws of the synapses (`buildSparseNetwork` of build.ts), from xoroshiro128+ generators of
  ;; four int32 words each (pure-rand's order, as `NetworkRandom.getState` gives them) at byte
  ;; addresses `sources` and `weights`, left where they end. Neuron i's synapse s has its source
  ;; j = floor(U·ne) for s < ke, ne + floor(U·ni) otherwise, U = (the draw as unsigned)/2³².

  ;; Both take the neurons i = from … to − 1 (called in chunks, so that the engine's optimising
  ;; compiler takes over after the first calls).
  ;; count(sources, from, to, k, ke, ne, ni, groupStart): groupStart[j + 1] += 1 for every
  ;; synapse's j.
  (func (export "count")
    (param $sources i32) (param $from i32) (param $n i32) (param $k i32) (param $ke i32) (param $ne i32)
    (param $ni i32) (param $groupStart i32)
    (local $i i32) (local $s i32) (local $j i32) (local $bits i32) (local $u f64)
    (local $neF f64) (local $niF f64) (local $s0 i64) (local $s1 i64) (local $x i64) (local $at i32)
    (local.set $i (local.get $from))
    (local.set $neF (f64.convert_i32_s (local.get $ne)))
    (local.set $niF (f64.convert_i32_s (local.get $ni)))
    (local.set $s0 (i64.rotl (i64.load (local.get $sources)) (i64.const 32)))
    (local.set $s1 (i64.rotl (i64.load offset=8 (local.get $sources)) (i64.const 32)))
    (block $neuronsDone
      (loop $neurons
        (br_if $neuronsDone (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $s (i32.const 0))
        (block $synapsesDone
          (loop $synapses
          (br_if $synapsesDone (i32.ge_u (local.get $s) (local.get $k)))
          (local.set $bits (i32.wrap_i64 (i64.add (local.get $s0) (local.get $s1))))
          (local.set $x (i64.xor (local.get $s1) (local.get $s0)))
          (local.set $s0 (i64.xor (i64.xor (i64.rotl (local.get $s0) (i64.const 24)) (local.get $x))
            (i64.shl (local.get $x) (i64.const 16))))
          (local.set $s1 (i64.rotl (local.get $x) (i64.const 37)))
          (local.set $u (f64.div (f64.convert_i32_u (local.get $bits)) (f64.const 4294967296)))
          (local.set $j
            (if (result i32) (i32.lt_u (local.get $s) (local.get $ke))
              (then (i32.trunc_f64_s (f64.floor (f64.mul (local.get $u) (local.get $neF)))))
              (else (i32.add (local.get $ne)
                (i32.trunc_f64_s (f64.floor (f64.mul (local.get $u) (local.get $niF))))))))
          (local.set $at (i32.add (local.get $groupStart)
            (i32.shl (i32.add (local.get $j) (i32.const 1)) (i32.const 2))))
          (i32.store (local.get $at) (i32.add (i32.load (local.get $at)) (i32.const 1)))
          (local.set $s (i32.add (local.get $s) (i32.const 1)))
          (br $synapses)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $neurons)))
    (i64.store (local.get $sources) (i64.rotl (local.get $s0) (i64.const 32)))
    (i64.store offset=8 (local.get $sources) (i64.rotl (local.get $s1) (i64.const 32))))

  ;; place(sources, weights, from, to, k, ke, ne, ni, next, target, shift, weight, excitatory,
  ;; inhibitory):
  ;;   for every synapse (i, s) in order, j drawn from `sources`: slot = next[j]++ (int32),
  ;;   target[slot] = i (unsigned of 2^shift bytes), weight[slot] = float32(U·(j < ne ?
  ;;   excitatory : inhibitory)), U drawn from `weights`.
  (func (export "place")
    (param $sources i32) (param $weights i32) (param $from i32) (param $n i32) (param $k i32)
    (param $ke i32)
    (param $ne i32) (param $ni i32) (param $next i32) (param $target i32) (param $shift i32)
    (param $weight i32) (param $excitatory f64) (param $inhibitory f64)
    (local $i i32) (local $s i32) (local $j i32) (local $bits i32) (local $u f64)
    (local $neF f64) (local $niF f64) (local $s0 i64) (local $s1 i64) (local $x i64)
    (local $r0 i64) (local $r1 i64) (local $at i32) (local $slot i32)
    (local.set $i (local.get $from))
    (local.set $neF (f64.convert_i32_s (local.get $ne)))
    (local.set $niF (f64.convert_i32_s (local.get $ni)))
    (local.set $s0 (i64.rotl (i64.load (local.get $sources)) (i64.const 32)))
    (local.set $s1 (i64.rotl (i64.load offset=8 (local.get $sources)) (i64.const 32)))
    (local.set $r0 (i64.rotl (i64.load (local.get $weights)) (i64.const 32)))
    (local.set $r1 (i64.rotl (i64.load offset=8 (local.get $weights)) (i64.const 32)))
    (block $neuronsDone
      (loop $neurons
        (br_if $neuronsDone (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $s (i32.const 0))
        (block $synapsesDone
          (loop $synapses
          (br_if $synapsesDone (i32.ge_u (local.get $s) (local.get $k)))
          (local.set $bits (i32.wrap_i64 (i64.add (local.get $s0) (local.get $s1))))
          (local.set $x (i64.xor (local.get $s1) (local.get $s0)))
          (local.set $s0 (i64.xor (i64.xor (i64.rotl (local.get $s0) (i64.const 24)) (local.get $x))
            (i64.shl (local.get $x) (i64.const 16))))
          (local.set $s1 (i64.rotl (local.get $x) (i64.const 37)))
          (local.set $u (f64.div (f64.convert_i32_u (local.get $bits)) (f64.const 4294967296)))
          (local.set $j
            (if (result i32) (i32.lt_u (local.get $s) (local.get $ke))
              (then (i32.trunc_f64_s (f64.floor (f64.mul (local.get $u) (local.get $neF)))))
              (else (i32.add (local.get $ne)
                (i32.trunc_f64_s (f64.floor (f64.mul (local.get $u) (local.get $niF))))))))
          (local.set $at (i32.add (local.get $next) (i32.shl (local.get $j) (i32.const 2))))
          (local.set $slot (i32.load (local.get $at)))
          (i32.store (local.get $at) (i32.add (local.get $slot) (i32.const 1)))
          (local.set $at (i32.add (local.get $target) (i32.shl (local.get $slot) (local.get $shift))))
          (if (i32.eq (local.get $shift) (i32.const 2))
            (then (i32.store (local.get $at) (local.get $i)))
            (else
              (if (i32.eq (local.get $shift) (i32.const 1))
                (then (i32.store16 (local.get $at) (local.get $i)))
                (else (i32.store8 (local.get $at) (local.get $i))))))
          (local.set $bits (i32.wrap_i64 (i64.add (local.get $r0) (local.get $r1))))
          (local.set $x (i64.xor (local.get $r1) (local.get $r0)))
          (local.set $r0 (i64.xor (i64.xor (i64.rotl (local.get $r0) (i64.const 24)) (local.get $x))
            (i64.shl (local.get $x) (i64.const 16))))
          (local.set $r1 (i64.rotl (local.get $x) (i64.const 37)))
          (f32.store (i32.add (local.get $weight) (i32.shl (local.get $slot) (i32.const 2)))
            (f32.demote_f64
              (f64.mul (f64.div (f64.convert_i32_u (local.get $bits)) (f64.const 4294967296))
                (select (local.get $excitatory) (local.get $inhibitory)
                  (i32.lt_u (local.get $j) (local.get $ne))))))
          (local.set $s (i32.add (local.get $s) (i32.const 1)))
          (br $synapses)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $neurons)))
    (i64.store (local.get $sources) (i64.rotl (local.get $s0) (i64.const 32)))
    (i64.store offset=8 (local.get $sources) (i64.rotl (local.get $s1) (i64.const 32)))
    (i64.store (local.get $weights) (i64.rotl (local.get $r0) (i64.const 32)))
    (i64.store offset=8 (local.get $weights) (i64.rotl (local.get $r1) (i64.const 32))))

  ;; deliver(fired, count, first, last, target, shift, weights, input, charge):
  ;;   for each spike j = fired[0 … count − 1] (int32), in order,
  ;;     for s in first[j] … last[j] − 1 (int32 arrays), in order:
  ;;       I[target[s]] ← I[target[s]] + (f64 weights[s])·charge
  ;;   where targets are unsigned of 2^shift bytes (shift 0, 1 or 2), weights float32, I float64.
  (func (export "deliver")
    (param $fired i32) (param $count i32) (param $first i32) (param $last i32)
    (param $target i32) (param $shift i32) (param $weights i32) (param $input i32)
    (param $charge f64)
    (local $firedEnd i32) (local $j i32) (local $t i32) (local $w i32) (local $wEnd i32)
    (local $wEnd4 i32) (local $at i32)
    (local.set $firedEnd
      (i32.add (local.get $fired) (i32.shl (local.get $count) (i32.const 2))))
    (block $spikesDone
      (loop $spikes
        (br_if $spikesDone (i32.ge_u (local.get $fired) (local.get $firedEnd)))
        (local.set $j (i32.shl (i32.load (local.get $fired)) (i32.const 2)))
        (local.set $fired (i32.add (local.get $fired) (i32.const 4)))
        ;; t: this spike's first target; w … wEnd: its weights
        (local.set $t (i32.load (i32.add (local.get $first) (local.get $j))))
        (local.set $w (i32.add (local.get $weights) (i32.shl (local.get $t) (i32.const 2))))
        (local.set $wEnd (i32.add (local.get $weights)
          (i32.shl (i32.load (i32.add (local.get $last) (local.get $j))) (i32.const 2))))
        (local.set $t (i32.add (local.get $target) (i32.shl (local.get $t) (local.get $shift))))
        (block $synapsesDone
          (if (i32.eq (local.get $shift) (i32.const 2))
            (then
              ;; four synapses at a time while four remain, each still loaded, added and stored
              ;; in turn (two synapses of a spike may share a target)
              (local.set $wEnd4 (i32.sub (local.get $wEnd) (i32.const 12)))
              (block $quadsDone
                (loop $quads
                  (br_if $quadsDone (i32.ge_s (local.get $w) (local.get $wEnd4)))
                  (local.set $at (i32.add (local.get $input)
                    (i32.shl (i32.load (local.get $t)) (i32.const 3))))
                  (f64.store (local.get $at)
                    (f64.add (f64.load (local.get $at))
                      (f64.mul (f64.promote_f32 (f32.load (local.get $w))) (local.get $charge))))
                  (local.set $at (i32.add (local.get $input)
                    (i32.shl (i32.load offset=4 (local.get $t)) (i32.const 3))))
                  (f64.store (local.get $at)
                    (f64.add (f64.load (local.get $at))
                      (f64.mul (f64.promote_f32 (f32.load offset=4 (local.get $w))) (local.get $charge))))
                  (local.set $at (i32.add (local.get $input)
                    (i32.shl (i32.load offset=8 (local.get $t)) (i32.const 3))))
                  (f64.store (local.get $at)
                    (f64.add (f64.load (local.get $at))
                      (f64.mul (f64.promote_f32 (f32.load offset=8 (local.get $w))) (local.get $charge))))
                  (local.set $at (i32.add (local.get $input)
                    (i32.shl (i32.load offset=12 (local.get $t)) (i32.const 3))))
                  (f64.store (local.get $at)
                    (f64.add (f64.load (local.get $at))
                      (f64.mul (f64.promote_f32 (f32.load offset=12 (local.get $w))) (local.get $charge))))
                  (local.set $t (i32.add (local.get $t) (i32.const 16)))
                  (local.set $w (i32.add (local.get $w) (i32.const 16)))
                  (br $quads)))
              (loop $synapses4
                (br_if $synapsesDone (i32.ge_u (local.get $w) (local.get $wEnd)))
                (local.set $at (i32.add (local.get $input)
                  (i32.shl (i32.load (local.get $t)) (i32.const 3))))
                (f64.store (local.get $at)
                  (f64.add (f64.load (local.get $at))
                    (f64.mul (f64.promote_f32 (f32.load (local.get $w))) (local.get $charge))))
                (local.set $t (i32.add (local.get $t) (i32.const 4)))
                (local.set $w (i32.add (local.get $w) (i32.const 4)))
                (br $synapses4))))
          (if (i32.eq (local.get $shift) (i32.const 1))
            (then
              (loop $synapses2
                (br_if $synapsesDone (i32.ge_u (local.get $w) (local.get $wEnd)))
                (local.set $at (i32.add (local.get $input)
                  (i32.shl (i32.load16_u (local.get $t)) (i32.const 3))))
                (f64.store (local.get $at)
                  (f64.add (f64.load (local.get $at))
                    (f64.mul (f64.promote_f32 (f32.load (local.get $w))) (local.get $charge))))
                (local.set $t (i32.add (local.get $t) (i32.const 2)))
                (local.set $w (i32.add (local.get $w) (i32.const 4)))
                (br $synapses2))))
          (loop $synapses1
            (br_if $synapsesDone (i32.ge_u (local.get $w) (local.get $wEnd)))
            (local.set $at (i32.add (local.get $input)
              (i32.shl (i32.load8_u (local.get $t)) (i32.const 3))))
            (f64.store (local.get $at)
              (f64.add (f64.load (local.get $at))
                (f64.mul (f64.promote_f32 (f32.load (local.get $w))) (local.get $charge))))
            (local.set $t (i32.add (local.get $t) (i32.const 1)))
            (local.set $w (i32.add (local.get $w) (i32.const 4)))
            (br $synapses1)))
        (br $spikes))))
)
