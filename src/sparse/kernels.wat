;; The sparse network's WebAssembly kernels: threshold and reset (phase 2) and event-driven synaptic
;; delivery (phase 3) over a range of neurons [from, to), so that threads can share a step. Each
;; computes exactly what the JavaScript loops of `src/network/phases.ts` (`thresholdRange`) and
;; `src/sparse/step.ts` (`deliverRange`) compute, operation for operation in the same order
;; (WebAssembly rounds every operation as JavaScript does and never fuses a multiply-add), so both
;; give the same bits. The updates of v and u are the dense network's kernels (`membrane`,
;; `recovery` of `src/network/kernels.wat`) over the same memory.
;;
;; Assembled by `npm run build:kernels` (wabt's wat2wasm) into `kernels.generated.ts`, twice: with
;; the memory as written here and with a shared memory (for threads). All addresses are bytes.
(module
  (import "env" "memory" (memory 1 65536))

  ;; threshold(v, u, c, d, from, to, out) → count, or −1 when some v is NaN or +∞:
  ;;   for i in from … to − 1, in order: when v[i] ≥ 30, out[count++] = i (int32), v[i] ← c[i],
  ;;   u[i] ← u[i] + d[i].
  (func (export "threshold")
    (param $v i32) (param $u i32) (param $c i32) (param $d i32)
    (param $from i32) (param $to i32) (param $out i32) (result i32)
    (local $i i32) (local $at i32) (local $count i32) (local $vi f64)
    (local.set $i (local.get $from))
    (block $done
      (loop $neurons
        (br_if $done (i32.ge_u (local.get $i) (local.get $to)))
        (local.set $at (i32.shl (local.get $i) (i32.const 3)))
        (local.set $vi (f64.load (i32.add (local.get $v) (local.get $at))))
        (if (f64.ge (local.get $vi) (f64.const 30))
          (then
            (if (f64.eq (local.get $vi) (f64.const inf)) (then (return (i32.const -1))))
            (i32.store
              (i32.add (local.get $out) (i32.shl (local.get $count) (i32.const 2)))
              (local.get $i))
            (local.set $count (i32.add (local.get $count) (i32.const 1)))
            (f64.store (i32.add (local.get $v) (local.get $at))
              (f64.load (i32.add (local.get $c) (local.get $at))))
            (f64.store (i32.add (local.get $u) (local.get $at))
              (f64.add
                (f64.load (i32.add (local.get $u) (local.get $at)))
                (f64.load (i32.add (local.get $d) (local.get $at))))))
          (else
            ;; NaN or −∞
            (if (i32.eqz (f64.gt (local.get $vi) (f64.const -inf)))
              (then (return (i32.const -1))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $neurons)))
    (local.get $count))

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
    (local $at i32)
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
