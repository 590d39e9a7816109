;; The network's WebAssembly SIMD kernels for phases 3, 4 and 5 (synaptic delivery and the updates
;; of v and u), two double-precision lanes per instruction, over a range of neurons [from, to) so
;; that threads can share the work. Each computes exactly what the JavaScript loop of `phases.ts`
;; computes, operation for operation in the same order (WebAssembly rounds every operation as
;; JavaScript does and never fuses a multiply-add), so both give the same bits.
;;
;; Assembled by `npm run build:kernels` (wabt's wat2wasm) into `kernels.generated.ts`, twice: with
;; the memory as written here and with a shared memory (for threads). All addresses are bytes.
(module
  (import "env" "memory" (memory 1 65536))

  ;; deliver8(weights, fired, groups, n, input, from, to, charge):
  ;;   for g in 0 … groups − 1, with cₖ = weights + 4n·fired[8g + k], k = 0 … 7,
  ;;     for i in from, from + 4, … < to (from and to multiples of 4):
  ;;       I[i … i+3] += (((w₀+w₁)+(w₂+w₃))+((w₄+w₅)+(w₆+w₇)))·charge, wₖ = f32 cₖ[i … i+3] widened
  (func (export "deliver8")
    (param $weights i32) (param $fired i32) (param $groups i32) (param $n i32)
    (param $input i32) (param $from i32) (param $to i32) (param $charge f64)
    (local $columnBytes i32) (local $end i32) (local $i i32) (local $j i32) (local $g i32)
    (local $c0 i32) (local $c1 i32) (local $c2 i32) (local $c3 i32)
    (local $c4 i32) (local $c5 i32) (local $c6 i32) (local $c7 i32)
    (local $w0 v128) (local $w1 v128) (local $w2 v128) (local $w3 v128)
    (local $w4 v128) (local $w5 v128) (local $w6 v128) (local $w7 v128)
    (local $charges v128)
    (local.set $columnBytes (i32.shl (local.get $n) (i32.const 2)))
    (local.set $end (i32.shl (local.get $to) (i32.const 2)))
    (local.set $charges (f64x2.splat (local.get $charge)))
    (block $groupsDone
      (loop $group
        (br_if $groupsDone (i32.ge_u (local.get $g) (local.get $groups)))
        (local.set $c0 (i32.add (local.get $weights)
          (i32.mul (i32.load offset=0 (local.get $fired)) (local.get $columnBytes))))
        (local.set $c1 (i32.add (local.get $weights)
          (i32.mul (i32.load offset=4 (local.get $fired)) (local.get $columnBytes))))
        (local.set $c2 (i32.add (local.get $weights)
          (i32.mul (i32.load offset=8 (local.get $fired)) (local.get $columnBytes))))
        (local.set $c3 (i32.add (local.get $weights)
          (i32.mul (i32.load offset=12 (local.get $fired)) (local.get $columnBytes))))
        (local.set $c4 (i32.add (local.get $weights)
          (i32.mul (i32.load offset=16 (local.get $fired)) (local.get $columnBytes))))
        (local.set $c5 (i32.add (local.get $weights)
          (i32.mul (i32.load offset=20 (local.get $fired)) (local.get $columnBytes))))
        (local.set $c6 (i32.add (local.get $weights)
          (i32.mul (i32.load offset=24 (local.get $fired)) (local.get $columnBytes))))
        (local.set $c7 (i32.add (local.get $weights)
          (i32.mul (i32.load offset=28 (local.get $fired)) (local.get $columnBytes))))
        (local.set $fired (i32.add (local.get $fired) (i32.const 32)))
        (local.set $i (i32.shl (local.get $from) (i32.const 2)))
        (local.set $j (i32.add (local.get $input) (i32.shl (local.get $from) (i32.const 3))))
        (block $neuronsDone
          (loop $neurons
            (br_if $neuronsDone (i32.ge_u (local.get $i) (local.get $end)))
            (local.set $w0 (v128.load align=4 (i32.add (local.get $c0) (local.get $i))))
            (local.set $w1 (v128.load align=4 (i32.add (local.get $c1) (local.get $i))))
            (local.set $w2 (v128.load align=4 (i32.add (local.get $c2) (local.get $i))))
            (local.set $w3 (v128.load align=4 (i32.add (local.get $c3) (local.get $i))))
            (local.set $w4 (v128.load align=4 (i32.add (local.get $c4) (local.get $i))))
            (local.set $w5 (v128.load align=4 (i32.add (local.get $c5) (local.get $i))))
            (local.set $w6 (v128.load align=4 (i32.add (local.get $c6) (local.get $i))))
            (local.set $w7 (v128.load align=4 (i32.add (local.get $c7) (local.get $i))))
            ;; neurons i, i + 1: lanes 0, 1
            (v128.store align=8 (local.get $j)
              (f64x2.add
                (v128.load align=8 (local.get $j))
                (f64x2.mul
                  (f64x2.add
                    (f64x2.add
                      (f64x2.add (f64x2.promote_low_f32x4 (local.get $w0))
                                 (f64x2.promote_low_f32x4 (local.get $w1)))
                      (f64x2.add (f64x2.promote_low_f32x4 (local.get $w2))
                                 (f64x2.promote_low_f32x4 (local.get $w3))))
                    (f64x2.add
                      (f64x2.add (f64x2.promote_low_f32x4 (local.get $w4))
                                 (f64x2.promote_low_f32x4 (local.get $w5)))
                      (f64x2.add (f64x2.promote_low_f32x4 (local.get $w6))
                                 (f64x2.promote_low_f32x4 (local.get $w7)))))
                  (local.get $charges))))
            ;; neurons i + 2, i + 3: lanes 2, 3 moved down to lanes 0, 1
            (local.set $w0 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7
              (local.get $w0) (local.get $w0)))
            (local.set $w1 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7
              (local.get $w1) (local.get $w1)))
            (local.set $w2 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7
              (local.get $w2) (local.get $w2)))
            (local.set $w3 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7
              (local.get $w3) (local.get $w3)))
            (local.set $w4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7
              (local.get $w4) (local.get $w4)))
            (local.set $w5 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7
              (local.get $w5) (local.get $w5)))
            (local.set $w6 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7
              (local.get $w6) (local.get $w6)))
            (local.set $w7 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7
              (local.get $w7) (local.get $w7)))
            (v128.store offset=16 align=8 (local.get $j)
              (f64x2.add
                (v128.load offset=16 align=8 (local.get $j))
                (f64x2.mul
                  (f64x2.add
                    (f64x2.add
                      (f64x2.add (f64x2.promote_low_f32x4 (local.get $w0))
                                 (f64x2.promote_low_f32x4 (local.get $w1)))
                      (f64x2.add (f64x2.promote_low_f32x4 (local.get $w2))
                                 (f64x2.promote_low_f32x4 (local.get $w3))))
                    (f64x2.add
                      (f64x2.add (f64x2.promote_low_f32x4 (local.get $w4))
                                 (f64x2.promote_low_f32x4 (local.get $w5)))
                      (f64x2.add (f64x2.promote_low_f32x4 (local.get $w6))
                                 (f64x2.promote_low_f32x4 (local.get $w7)))))
                  (local.get $charges))))
            (local.set $i (i32.add (local.get $i) (i32.const 16)))
            (local.set $j (i32.add (local.get $j) (i32.const 32)))
            (br $neurons)))
        (local.set $g (i32.add (local.get $g) (i32.const 1)))
        (br $group))))

  ;; deliverRest(weights, fired, count, n, input, from, to, charge): the last `count` (1 … 4)
  ;; fired columns together, neurons [from, to) (multiples of 4), summed as `phases.ts` sums them:
  ;;   4: (w₀+w₁)+(w₂+w₃)   3: (w₀+w₁)+w₂   2: w₀+w₁   1: w₀;   I += sum·charge
  (func (export "deliverRest")
    (param $weights i32) (param $fired i32) (param $count i32) (param $n i32)
    (param $input i32) (param $from i32) (param $to i32) (param $charge f64)
    (local $columnBytes i32) (local $end i32) (local $i i32) (local $j i32)
    (local $c0 i32) (local $c1 i32) (local $c2 i32) (local $c3 i32)
    (local $w0 v128) (local $w1 v128) (local $w2 v128) (local $w3 v128)
    (local $charges v128) (local $half i32)
    (local.set $columnBytes (i32.shl (local.get $n) (i32.const 2)))
    (local.set $end (i32.shl (local.get $to) (i32.const 2)))
    (local.set $charges (f64x2.splat (local.get $charge)))
    ;; columns beyond count point at column c₀: their sums are not used
    (local.set $c0 (i32.add (local.get $weights)
      (i32.mul (i32.load offset=0 (local.get $fired)) (local.get $columnBytes))))
    (local.set $c1 (local.get $c0))
    (local.set $c2 (local.get $c0))
    (local.set $c3 (local.get $c0))
    (if (i32.ge_u (local.get $count) (i32.const 2))
      (then (local.set $c1 (i32.add (local.get $weights)
        (i32.mul (i32.load offset=4 (local.get $fired)) (local.get $columnBytes))))))
    (if (i32.ge_u (local.get $count) (i32.const 3))
      (then (local.set $c2 (i32.add (local.get $weights)
        (i32.mul (i32.load offset=8 (local.get $fired)) (local.get $columnBytes))))))
    (if (i32.ge_u (local.get $count) (i32.const 4))
      (then (local.set $c3 (i32.add (local.get $weights)
        (i32.mul (i32.load offset=12 (local.get $fired)) (local.get $columnBytes))))))
    (local.set $i (i32.shl (local.get $from) (i32.const 2)))
    (local.set $j (i32.add (local.get $input) (i32.shl (local.get $from) (i32.const 3))))
    (block $done
      (loop $neurons
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $w0 (v128.load align=4 (i32.add (local.get $c0) (local.get $i))))
        (local.set $w1 (v128.load align=4 (i32.add (local.get $c1) (local.get $i))))
        (local.set $w2 (v128.load align=4 (i32.add (local.get $c2) (local.get $i))))
        (local.set $w3 (v128.load align=4 (i32.add (local.get $c3) (local.get $i))))
        ;; lanes 0, 1 then lanes 2, 3 (moved down)
        (local.set $half (i32.const 0))
        (block $halvesDone
          (loop $halves
            (v128.store align=8 (local.get $j)
              (f64x2.add
                (v128.load align=8 (local.get $j))
                (f64x2.mul
                  (if (result v128) (i32.ge_u (local.get $count) (i32.const 4))
                    (then (f64x2.add
                      (f64x2.add (f64x2.promote_low_f32x4 (local.get $w0))
                                 (f64x2.promote_low_f32x4 (local.get $w1)))
                      (f64x2.add (f64x2.promote_low_f32x4 (local.get $w2))
                                 (f64x2.promote_low_f32x4 (local.get $w3)))))
                    (else (if (result v128) (i32.eq (local.get $count) (i32.const 3))
                      (then (f64x2.add
                        (f64x2.add (f64x2.promote_low_f32x4 (local.get $w0))
                                   (f64x2.promote_low_f32x4 (local.get $w1)))
                        (f64x2.promote_low_f32x4 (local.get $w2))))
                      (else (if (result v128) (i32.eq (local.get $count) (i32.const 2))
                        (then (f64x2.add (f64x2.promote_low_f32x4 (local.get $w0))
                                         (f64x2.promote_low_f32x4 (local.get $w1))))
                        (else (f64x2.promote_low_f32x4 (local.get $w0))))))))
                  (local.get $charges))))
            (br_if $halvesDone (local.get $half))
            (local.set $half (i32.const 1))
            (local.set $j (i32.add (local.get $j) (i32.const 16)))
            (local.set $w0 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7
              (local.get $w0) (local.get $w0)))
            (local.set $w1 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7
              (local.get $w1) (local.get $w1)))
            (local.set $w2 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7
              (local.get $w2) (local.get $w2)))
            (local.set $w3 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7
              (local.get $w3) (local.get $w3)))
            (br $halves)))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (local.set $j (i32.add (local.get $j) (i32.const 16)))
        (br $neurons))))

  ;; membrane(v, u, input, from, to, half): for i in [from, to) (even bounds), twice
  ;;   v ← v + half·((((0.04·(v·v) + 5·v) + 140) − u) + I)
  (func (export "membrane")
    (param $v i32) (param $u i32) (param $input i32) (param $from i32) (param $to i32)
    (param $half f64)
    (local $offset i32) (local $end i32)
    (local $vv v128) (local $uu v128) (local $ii v128) (local $hh v128)
    (local.set $offset (i32.shl (local.get $from) (i32.const 3)))
    (local.set $end (i32.shl (local.get $to) (i32.const 3)))
    (local.set $hh (f64x2.splat (local.get $half)))
    (block $done
      (loop $pairs
        (br_if $done (i32.ge_u (local.get $offset) (local.get $end)))
        (local.set $vv (v128.load align=8 (i32.add (local.get $v) (local.get $offset))))
        (local.set $uu (v128.load align=8 (i32.add (local.get $u) (local.get $offset))))
        (local.set $ii (v128.load align=8 (i32.add (local.get $input) (local.get $offset))))
        (local.set $vv (f64x2.add (local.get $vv) (f64x2.mul (local.get $hh)
          (f64x2.add (f64x2.sub (f64x2.add (f64x2.add
            (f64x2.mul (v128.const f64x2 0.04 0.04) (f64x2.mul (local.get $vv) (local.get $vv)))
            (f64x2.mul (v128.const f64x2 5 5) (local.get $vv)))
            (v128.const f64x2 140 140))
            (local.get $uu))
            (local.get $ii)))))
        (local.set $vv (f64x2.add (local.get $vv) (f64x2.mul (local.get $hh)
          (f64x2.add (f64x2.sub (f64x2.add (f64x2.add
            (f64x2.mul (v128.const f64x2 0.04 0.04) (f64x2.mul (local.get $vv) (local.get $vv)))
            (f64x2.mul (v128.const f64x2 5 5) (local.get $vv)))
            (v128.const f64x2 140 140))
            (local.get $uu))
            (local.get $ii)))))
        (v128.store align=8 (i32.add (local.get $v) (local.get $offset)) (local.get $vv))
        (local.set $offset (i32.add (local.get $offset) (i32.const 16)))
        (br $pairs))))

  ;; recovery(v, u, a, b, from, to, dt): for i in [from, to) (even bounds),
  ;;   u ← u + (dt·a)·(b·v − u)
  (func (export "recovery")
    (param $v i32) (param $u i32) (param $a i32) (param $b i32) (param $from i32) (param $to i32)
    (param $dt f64)
    (local $offset i32) (local $end i32) (local $uu v128) (local $dd v128)
    (local.set $offset (i32.shl (local.get $from) (i32.const 3)))
    (local.set $end (i32.shl (local.get $to) (i32.const 3)))
    (local.set $dd (f64x2.splat (local.get $dt)))
    (block $done
      (loop $pairs
        (br_if $done (i32.ge_u (local.get $offset) (local.get $end)))
        (local.set $uu (v128.load align=8 (i32.add (local.get $u) (local.get $offset))))
        (v128.store align=8 (i32.add (local.get $u) (local.get $offset))
          (f64x2.add (local.get $uu)
            (f64x2.mul
              (f64x2.mul (local.get $dd)
                (v128.load align=8 (i32.add (local.get $a) (local.get $offset))))
              (f64x2.sub
                (f64x2.mul
                  (v128.load align=8 (i32.add (local.get $b) (local.get $offset)))
                  (v128.load align=8 (i32.add (local.get $v) (local.get $offset))))
                (local.get $uu)))))
        (local.set $offset (i32.add (local.get $offset) (i32.const 16)))
        (br $pairs))))

  ;; recoverList(v, u, a, b, from, to, dt, out) → count: recovery, and the neurons whose v is
  ;; ≥ 30, NaN or −∞ (those the next threshold will fire or find diverged) written in order to out
  ;; (int32), their count returned.
  (func (export "recoverList")
    (param $v i32) (param $u i32) (param $a i32) (param $b i32) (param $from i32) (param $to i32)
    (param $dt f64) (param $out i32) (result i32)
    (local $offset i32) (local $end i32) (local $count i32) (local $uu v128) (local $vv v128)
    (local $dd v128) (local $mask v128)
    (local.set $offset (i32.shl (local.get $from) (i32.const 3)))
    (local.set $end (i32.shl (local.get $to) (i32.const 3)))
    (local.set $dd (f64x2.splat (local.get $dt)))
    (block $done
      (loop $pairs
        (br_if $done (i32.ge_u (local.get $offset) (local.get $end)))
        (local.set $uu (v128.load align=8 (i32.add (local.get $u) (local.get $offset))))
        (local.set $vv (v128.load align=8 (i32.add (local.get $v) (local.get $offset))))
        (v128.store align=8 (i32.add (local.get $u) (local.get $offset))
          (f64x2.add (local.get $uu)
            (f64x2.mul
              (f64x2.mul (local.get $dd)
                (v128.load align=8 (i32.add (local.get $a) (local.get $offset))))
              (f64x2.sub
                (f64x2.mul
                  (v128.load align=8 (i32.add (local.get $b) (local.get $offset)))
                  (local.get $vv))
                (local.get $uu)))))
        ;; not v < 30 (v ≥ 30 or NaN), or v = −∞
        (local.set $mask (v128.or
          (v128.not (f64x2.lt (local.get $vv) (f64x2.splat (f64.const 30))))
          (f64x2.eq (local.get $vv) (f64x2.splat (f64.const -inf)))))
        (if (v128.any_true (local.get $mask))
          (then
            (if (i32x4.extract_lane 0 (local.get $mask))
              (then
                (i32.store (i32.add (local.get $out) (i32.shl (local.get $count) (i32.const 2)))
                  (i32.shr_u (local.get $offset) (i32.const 3)))
                (local.set $count (i32.add (local.get $count) (i32.const 1)))))
            (if (i32x4.extract_lane 2 (local.get $mask))
              (then
                (i32.store (i32.add (local.get $out) (i32.shl (local.get $count) (i32.const 2)))
                  (i32.add (i32.shr_u (local.get $offset) (i32.const 3)) (i32.const 1)))
                (local.set $count (i32.add (local.get $count) (i32.const 1)))))))
        (local.set $offset (i32.add (local.get $offset) (i32.const 16)))
        (br $pairs)))
    (local.get $count))
)
