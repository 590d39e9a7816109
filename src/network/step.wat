;; One whole step of the network of [2003] in WebAssembly, so that a fresh process runs compiled
;; code from its first step: phase 1 (the thalamic noise: xoroshiro128+ and the 256-layer
;; ziggurat of `random.ts`, its wedge and tail with the exp and log of `portable-math.ts`), phase 2
;; (threshold and reset), then phases 3–5 through the SIMD kernels of `kernels.wat` (imported from
;; their instance), with scalar loops for the neurons those leave over. Every operation is the one
;; the JavaScript code does, in the same order (WebAssembly rounds as JavaScript does and never
;; fuses a multiply-add), so a seed gives the same bits with this kernel or without.
;;
;; The network's addresses are in a descriptor (bytes, all little-endian):
;;   0 n, 4 input, 8 v, 12 u, 16 a, 20 b, 24 c, 28 d, 32 noise scales σᵢ/√dt, 36 noise streams
;;   (four i32 per block of 256 neurons: s0 high, s0 low, s1 high, s1 low, as in `random.ts`),
;;   40 tables, 44 weights, 48 noise on (1) or off (0), 52 the fired list of a one-thread step,
;;   56 dt (f64), 64 dt/2 (f64), 72 1/dt (f64), 80 a generator's four words (for `uniforms`).
;; The tables (bytes from their start): 0 the ziggurat's thresholds (256 i32), 1024 its candidate
;; scales (256 f64), 3072 its layer heights (256 f64), 5120 1/n! for n = 0 … 16 (f64), 5256 1/k
;; for k = 1, 3, … 27 (f64).
(module
  (import "env" "memory" (memory 1 65536))
  (import "kernels" "deliver8"
    (func $deliver8 (param i32 i32 i32 i32 i32 i32 i32 f64)))
  (import "kernels" "deliverRest"
    (func $deliverRest (param i32 i32 i32 i32 i32 i32 i32 f64)))
  (import "kernels" "membrane" (func $membrane (param i32 i32 i32 i32 i32 f64)))
  (import "kernels" "recovery" (func $recovery (param i32 i32 i32 i32 i32 i32 f64)))
  (import "kernels" "recoverList"
    (func $recoverList (param i32 i32 i32 i32 i32 i32 f64 i32) (result i32)))

  ;; One xoroshiro128+ step of the stream at byte address o: returns the low 32 bits of s0 + s1.
  ;; The words are stored high first, so a 64-bit load sees each half swapped: rotl 32 swaps back.
  (func $next (param $o i32) (result i32)
    (local $s0 i64) (local $s1 i64) (local $out i32)
    (local.set $s0 (i64.rotl (i64.load (local.get $o)) (i64.const 32)))
    (local.set $s1 (i64.rotl (i64.load offset=8 (local.get $o)) (i64.const 32)))
    (local.set $out (i32.wrap_i64 (i64.add (local.get $s0) (local.get $s1))))
    (local.set $s1 (i64.xor (local.get $s1) (local.get $s0)))
    (local.set $s0 (i64.xor (i64.xor (i64.rotl (local.get $s0) (i64.const 24)) (local.get $s1))
      (i64.shl (local.get $s1) (i64.const 16))))
    (local.set $s1 (i64.rotl (local.get $s1) (i64.const 37)))
    (i64.store (local.get $o) (i64.rotl (local.get $s0) (i64.const 32)))
    (i64.store offset=8 (local.get $o) (i64.rotl (local.get $s1) (i64.const 32)))
    (local.get $out))

  ;; portableLog(x) for a finite x > 0: x = m·2^e with m in [√½, √2), then 2·atanh((m−1)/(m+1))
  ;; by 14 terms of its series (Horner), plus e·ln2.
  (func $log (param $tables i32) (param $x f64) (result f64)
    (local $m f64) (local $e f64) (local $s f64) (local $s2 f64) (local $sum f64) (local $k i32)
    (local.set $m (local.get $x))
    (block $bigDone
      (loop $big
        (br_if $bigDone (i32.eqz (f64.ge (local.get $m) (f64.const 1.4142135623730951))))
        (local.set $m (f64.mul (local.get $m) (f64.const 0.5)))
        (local.set $e (f64.add (local.get $e) (f64.const 1)))
        (br $big)))
    (block $smallDone
      (loop $small
        (br_if $smallDone (i32.eqz (f64.lt (local.get $m) (f64.const 0.7071067811865476))))
        (local.set $m (f64.mul (local.get $m) (f64.const 2)))
        (local.set $e (f64.sub (local.get $e) (f64.const 1)))
        (br $small)))
    (local.set $s (f64.div (f64.sub (local.get $m) (f64.const 1))
      (f64.add (local.get $m) (f64.const 1))))
    (local.set $s2 (f64.mul (local.get $s) (local.get $s)))
    (local.set $sum (f64.load offset=5360 (local.get $tables)))
    (local.set $k (i32.const 12))
    (loop $terms
      (local.set $sum (f64.add (f64.mul (local.get $sum) (local.get $s2))
        (f64.load offset=5256
          (i32.add (local.get $tables) (i32.shl (local.get $k) (i32.const 3))))))
      (local.set $k (i32.sub (local.get $k) (i32.const 1)))
      (br_if $terms (i32.ge_s (local.get $k) (i32.const 0))))
    (f64.add (f64.mul (local.get $e) (f64.const 0.6931471805599453))
      (f64.mul (f64.mul (f64.const 2) (local.get $s)) (local.get $sum))))

  ;; portableExp(x) for a finite x in [−700, 700]: k = Math.round(x/ln2) (ties up, as JavaScript
  ;; rounds), e^w for w = x − k·ln2 by 17 Taylor terms (Horner), then scaled by 2^k in squarings.
  (func $exp (param $tables i32) (param $x f64) (result f64)
    (local $q f64) (local $k f64) (local $w f64) (local $sum f64) (local $n i32)
    (local $scale f64) (local $power i32)
    (local.set $q (f64.div (local.get $x) (f64.const 0.6931471805599453)))
    (local.set $k (f64.floor (local.get $q)))
    (if (f64.ge (f64.sub (local.get $q) (local.get $k)) (f64.const 0.5))
      (then (local.set $k (f64.add (local.get $k) (f64.const 1)))))
    (local.set $w (f64.sub (local.get $x) (f64.mul (local.get $k) (f64.const 0.6931471805599453))))
    (local.set $sum (f64.load offset=5248 (local.get $tables)))
    (local.set $n (i32.const 15))
    (loop $terms
      (local.set $sum (f64.add (f64.mul (local.get $sum) (local.get $w))
        (f64.load offset=5120
          (i32.add (local.get $tables) (i32.shl (local.get $n) (i32.const 3))))))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br_if $terms (i32.ge_s (local.get $n) (i32.const 0))))
    (local.set $scale (select (f64.const 2) (f64.const 0.5) (f64.ge (local.get $k) (f64.const 0))))
    (local.set $power (i32.trunc_f64_s (f64.abs (local.get $k))))
    (block $done
      (loop $squarings
        (br_if $done (i32.eqz (local.get $power)))
        (if (i32.and (local.get $power) (i32.const 1))
          (then (local.set $sum (f64.mul (local.get $sum) (local.get $scale)))))
        (local.set $scale (f64.mul (local.get $scale) (local.get $scale)))
        (local.set $power (i32.shr_u (local.get $power) (i32.const 1)))
        (br $squarings)))
    (local.get $sum))

  ;; (x + 0.5)/2³² for the unsigned 32 bits x of the next draw: a uniform number in (0, 1).
  (func $openUniform (param $o i32) (result f64)
    (f64.div (f64.add (f64.convert_i32_u (call $next (local.get $o))) (f64.const 0.5))
      (f64.const 4294967296)))

  ;; normalSlowPath of `random.ts`: the wedge and tail cases of the ziggurat (1.2 % of the draws),
  ;; drawing further numbers from the stream at o.
  (func $slowNormal (param $tables i32) (param $o i32) (param $candidate i32) (param $layer i32)
    (result f64)
    (local $x f64) (local $tail f64) (local $y f64) (local $u f64) (local $bits i32)
    (local $upper f64) (local $lower f64)
    (loop $again
      (local.set $x (f64.mul (f64.convert_i32_s (local.get $candidate))
        (f64.load offset=1024
          (i32.add (local.get $tables) (i32.shl (local.get $layer) (i32.const 3))))))
      (if (i32.eqz (local.get $layer))
        (then
          ;; Marsaglia's tail method beyond r = 3.6541528853610088
          (loop $tailDraw
            (local.set $tail (f64.div
              (f64.neg (call $log (local.get $tables) (call $openUniform (local.get $o))))
              (f64.const 3.6541528853610088)))
            (local.set $y (f64.neg (call $log (local.get $tables) (call $openUniform (local.get $o)))))
            (br_if $tailDraw (f64.lt (f64.add (local.get $y) (local.get $y))
              (f64.mul (local.get $tail) (local.get $tail)))))
          (return (select
            (f64.add (f64.const 3.6541528853610088) (local.get $tail))
            (f64.sub (f64.const -3.6541528853610088) (local.get $tail))
            (i32.gt_s (local.get $candidate) (i32.const 0))))))
      (local.set $upper (f64.load offset=3064
        (i32.add (local.get $tables) (i32.shl (local.get $layer) (i32.const 3)))))
      (local.set $lower (f64.load offset=3072
        (i32.add (local.get $tables) (i32.shl (local.get $layer) (i32.const 3)))))
      (local.set $u (f64.div (f64.convert_i32_u (call $next (local.get $o)))
        (f64.const 4294967296)))
      (if (f64.lt
            (f64.add (local.get $lower)
              (f64.mul (local.get $u) (f64.sub (local.get $upper) (local.get $lower))))
            (call $exp (local.get $tables)
              (f64.mul (f64.mul (f64.const -0.5) (local.get $x)) (local.get $x))))
        (then (return (local.get $x))))
      (local.set $bits (call $next (local.get $o)))
      (local.set $layer (i32.shr_u (local.get $bits) (i32.const 24)))
      (local.set $candidate (i32.shr_s (i32.shl (local.get $bits) (i32.const 8)) (i32.const 8)))
      (if (i32.lt_s
            (select (i32.sub (i32.const 0) (local.get $candidate)) (local.get $candidate)
              (i32.lt_s (local.get $candidate) (i32.const 0)))
            (i32.load (i32.add (local.get $tables) (i32.shl (local.get $layer) (i32.const 2)))))
        (then (return (f64.mul (f64.convert_i32_s (local.get $candidate))
          (f64.load offset=1024
            (i32.add (local.get $tables) (i32.shl (local.get $layer) (i32.const 3))))))))
      (br $again))
    (unreachable))

  ;; fastDraws(input, scales, tables, o, i, end) → (i', candidate, layer): Iᵢ = scaleᵢ·z for
  ;; neurons i, i + 1, … while their draws from the stream at `o` take the ziggurat's fast path,
  ;; up to end. Returns the first neuron i' whose draw does not (or end), with that draw's
  ;; candidate and layer, the stream in memory moved past it. With no call in its loop, the engine
  ;; keeps the stream in registers there.
  (func $fastDraws (param $input i32) (param $scales i32) (param $tables i32) (param $o i32)
    (param $i i32) (param $end i32) (result i32 i32 i32)
    (local $s0 i64) (local $s1 i64) (local $x i64) (local $bits i32) (local $layer i32)
    (local $candidate i32) (local $at i32)
    (local.set $s0 (i64.rotl (i64.load (local.get $o)) (i64.const 32)))
    (local.set $s1 (i64.rotl (i64.load offset=8 (local.get $o)) (i64.const 32)))
    (block $stop
      (loop $neurons
        (br_if $stop (i32.ge_u (local.get $i) (local.get $end)))
        ;; xoroshiro128+, as $next does, on the stream held in locals
        (local.set $bits (i32.wrap_i64 (i64.add (local.get $s0) (local.get $s1))))
        (local.set $x (i64.xor (local.get $s1) (local.get $s0)))
        (local.set $s0 (i64.xor
          (i64.xor (i64.rotl (local.get $s0) (i64.const 24)) (local.get $x))
          (i64.shl (local.get $x) (i64.const 16))))
        (local.set $s1 (i64.rotl (local.get $x) (i64.const 37)))
        (local.set $layer (i32.shr_u (local.get $bits) (i32.const 24)))
        (local.set $candidate (i32.shr_s (i32.shl (local.get $bits) (i32.const 8)) (i32.const 8)))
        (br_if $stop (i32.ge_s
          (select (i32.sub (i32.const 0) (local.get $candidate)) (local.get $candidate)
            (i32.lt_s (local.get $candidate) (i32.const 0)))
          (i32.load (i32.add (local.get $tables) (i32.shl (local.get $layer) (i32.const 2))))))
        (local.set $at (i32.shl (local.get $i) (i32.const 3)))
        (f64.store (i32.add (local.get $input) (local.get $at))
          (f64.mul
            (f64.load (i32.add (local.get $scales) (local.get $at)))
            (f64.mul (f64.convert_i32_s (local.get $candidate))
              (f64.load offset=1024
                (i32.add (local.get $tables) (i32.shl (local.get $layer) (i32.const 3)))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $neurons)))
    (i64.store (local.get $o) (i64.rotl (local.get $s0) (i64.const 32)))
    (i64.store offset=8 (local.get $o) (i64.rotl (local.get $s1) (i64.const 32)))
    (local.get $i) (local.get $candidate) (local.get $layer))

  ;; Phase 1 for neurons [from, to) (from a multiple of 256): Iᵢ = (σᵢ/√dt)·N(0, 1), each block
  ;; of 256 neurons from its own stream, or Iᵢ = 0 with the noise off. The fast draws run in
  ;; $fastDraws; a slow one (the wedge or the tail, 1.2 % of them) is finished here.
  (func $noise (export "noise") (param $desc i32) (param $from i32) (param $to i32)
    (local $input i32) (local $scales i32) (local $streams i32) (local $tables i32)
    (local $i i32) (local $end i32) (local $o i32) (local $candidate i32) (local $layer i32)
    (local $at i32)
    (local.set $input (i32.load offset=4 (local.get $desc)))
    (local.set $scales (i32.load offset=32 (local.get $desc)))
    (local.set $streams (i32.load offset=36 (local.get $desc)))
    (local.set $tables (i32.load offset=40 (local.get $desc)))
    (local.set $i (local.get $from))
    (if (i32.eqz (i32.load offset=48 (local.get $desc)))
      (then
        (block $zeroDone
          (loop $zero
            (br_if $zeroDone (i32.ge_u (local.get $i) (local.get $to)))
            (f64.store (i32.add (local.get $input) (i32.shl (local.get $i) (i32.const 3)))
              (f64.const 0))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $zero)))
        (return)))
    (block $blocksDone
      (loop $blocks
        (br_if $blocksDone (i32.ge_u (local.get $i) (local.get $to)))
        (local.set $o (i32.add (local.get $streams)
          (i32.shl (i32.shr_u (local.get $i) (i32.const 8)) (i32.const 4))))
        (local.set $end (i32.add (i32.and (local.get $i) (i32.const -256)) (i32.const 256)))
        (if (i32.gt_u (local.get $end) (local.get $to))
          (then (local.set $end (local.get $to))))
        (block $blockDone
          (loop $draws
            (call $fastDraws (local.get $input) (local.get $scales) (local.get $tables)
              (local.get $o) (local.get $i) (local.get $end))
            (local.set $layer)
            (local.set $candidate)
            (local.set $i)
            (br_if $blockDone (i32.ge_u (local.get $i) (local.get $end)))
            ;; the slow path draws on from the stream in memory
            (local.set $at (i32.shl (local.get $i) (i32.const 3)))
            (f64.store (i32.add (local.get $input) (local.get $at))
              (f64.mul
                (f64.load (i32.add (local.get $scales) (local.get $at)))
                (call $slowNormal (local.get $tables) (local.get $o)
                  (local.get $candidate) (local.get $layer))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $draws)))
        (br $blocks))))

  ;; Phase 2 for neurons [from, to): each i with v ≥ 30 goes to the i32 list at `out`, in index
  ;; order, then v ← c, u ← u + d. Returns the count, or −1 at a v that is NaN or infinite. It
  ;; tests two neurons at a time and takes a pair one by one ($fire) only when one of them fires or
  ;; is not finite, so the order and the bits are those of the loop over every neuron.
  (func $threshold (export "threshold") (param $desc i32) (param $from i32) (param $to i32)
    (param $out i32) (result i32)
    (local $i i32) (local $pairs i32) (local $count i32) (local $x v128) (local $v i32)
    (local.set $v (i32.load offset=8 (local.get $desc)))
    (local.set $i (local.get $from))
    ;; the last neuron of the pairs
    (local.set $pairs (i32.sub (local.get $to) (i32.const 1)))
    (block $done
      (loop $pair
        (br_if $done (i32.ge_s (local.get $i) (local.get $pairs)))
        (local.set $x (v128.load align=8 (i32.add (local.get $v) (i32.shl (local.get $i) (i32.const 3)))))
        ;; v ≥ 30 or NaN (not v < 30), or −∞
        (if (v128.any_true (v128.or
              (v128.not (f64x2.lt (local.get $x) (f64x2.splat (f64.const 30))))
              (f64x2.eq (local.get $x) (f64x2.splat (f64.const -inf)))))
          (then
            (local.set $count
              (call $fire (local.get $desc) (local.get $i) (local.get $out) (local.get $count)))
            (if (i32.lt_s (local.get $count) (i32.const 0)) (then (return (i32.const -1))))
            (local.set $count (call $fire (local.get $desc) (i32.add (local.get $i) (i32.const 1))
              (local.get $out) (local.get $count)))
            (if (i32.lt_s (local.get $count) (i32.const 0)) (then (return (i32.const -1))))))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $pair)))
    (if (i32.lt_s (local.get $i) (local.get $to))
      (then (local.set $count
        (call $fire (local.get $desc) (local.get $i) (local.get $out) (local.get $count)))))
    (local.get $count))

  ;; thresholdList(desc, list, count) → the fired count, or −1 when some v is NaN or ±∞: phase 2
  ;; over the `count` neurons of the i32 list at `list` only (ascending, as $recoverList writes
  ;; them), the fired written over the list from its start. $recoverList lists every neuron that
  ;; the next threshold can fire or find diverged, so this gives $threshold's result.
  (func $thresholdList (export "thresholdList") (param $desc i32) (param $list i32)
    (param $count i32) (result i32)
    (local $at i32) (local $end i32) (local $fired i32)
    (local.set $at (local.get $list))
    (local.set $end (i32.add (local.get $list) (i32.shl (local.get $count) (i32.const 2))))
    (block $done
      (loop $neurons
        (br_if $done (i32.ge_u (local.get $at) (local.get $end)))
        (local.set $fired (call $fire (local.get $desc) (i32.load (local.get $at)) (local.get $list)
          (local.get $fired)))
        (if (i32.lt_s (local.get $fired) (i32.const 0)) (then (return (i32.const -1))))
        (local.set $at (i32.add (local.get $at) (i32.const 4)))
        (br $neurons)))
    (local.get $fired))

  ;; $fire(desc, i, out, count) → the new count, or −1 when v[i] is NaN or ±∞: neuron i's
  ;; threshold and reset (see $threshold).
  (func $fire (param $desc i32) (param $i i32) (param $out i32) (param $count i32) (result i32)
    (local $at i32) (local $vi f64) (local $v i32) (local $u i32)
    (local.set $v (i32.load offset=8 (local.get $desc)))
    (local.set $u (i32.load offset=12 (local.get $desc)))
    (local.set $at (i32.shl (local.get $i) (i32.const 3)))
    (local.set $vi (f64.load (i32.add (local.get $v) (local.get $at))))
    (if (f64.ge (local.get $vi) (f64.const 30))
      (then
        (if (f64.eq (local.get $vi) (f64.const inf)) (then (return (i32.const -1))))
        (i32.store (i32.add (local.get $out) (i32.shl (local.get $count) (i32.const 2)))
          (local.get $i))
        (f64.store (i32.add (local.get $v) (local.get $at))
          (f64.load (i32.add (i32.load offset=24 (local.get $desc)) (local.get $at))))
        (f64.store (i32.add (local.get $u) (local.get $at))
          (f64.add (f64.load (i32.add (local.get $u) (local.get $at)))
            (f64.load (i32.add (i32.load offset=28 (local.get $desc)) (local.get $at)))))
        (return (i32.add (local.get $count) (i32.const 1)))))
    ;; NaN or −∞
    (if (i32.eqz (f64.gt (local.get $vi) (f64.const -inf))) (then (return (i32.const -1))))
    (local.get $count))

  ;; The weight S[i][fired[f]] at neuron i, widened to f64.
  (func $weight (param $weights i32) (param $n i32) (param $fired i32) (param $f i32)
    (param $i i32) (result f64)
    (f64.promote_f32 (f32.load (i32.add (local.get $weights)
      (i32.shl
        (i32.add
          (i32.mul (i32.load (i32.add (local.get $fired) (i32.shl (local.get $f) (i32.const 2))))
            (local.get $n))
          (local.get $i))
        (i32.const 2))))))

  ;; Phase 3 for neurons [from, to) one at a time, for the neurons the SIMD kernels leave over:
  ;; the fired columns eight at a time, then four, then the last one to three, each group's sum
  ;; taken pairwise as `phases.ts` takes it, then I += sum·(1/dt).
  (func $deliverScalar (param $desc i32) (param $fired i32) (param $count i32) (param $from i32)
    (param $to i32)
    (local $n i32) (local $weights i32) (local $input i32) (local $charge f64)
    (local $i i32) (local $f i32) (local $acc f64) (local $left i32) (local $sum f64)
    (local.set $n (i32.load (local.get $desc)))
    (local.set $input (i32.load offset=4 (local.get $desc)))
    (local.set $weights (i32.load offset=44 (local.get $desc)))
    (local.set $charge (f64.load offset=72 (local.get $desc)))
    (local.set $i (local.get $from))
    (block $done
      (loop $neurons
        (br_if $done (i32.ge_u (local.get $i) (local.get $to)))
        (local.set $acc (f64.load (i32.add (local.get $input) (i32.shl (local.get $i) (i32.const 3)))))
        (local.set $f (i32.const 0))
        (block $eightsDone
          (loop $eights
            (br_if $eightsDone (i32.gt_s (i32.add (local.get $f) (i32.const 8)) (local.get $count)))
            (local.set $acc (f64.add (local.get $acc) (f64.mul
              (f64.add
                (f64.add
                  (f64.add
                    (call $weight (local.get $weights) (local.get $n) (local.get $fired)
                      (local.get $f) (local.get $i))
                    (call $weight (local.get $weights) (local.get $n) (local.get $fired)
                      (i32.add (local.get $f) (i32.const 1)) (local.get $i)))
                  (f64.add
                    (call $weight (local.get $weights) (local.get $n) (local.get $fired)
                      (i32.add (local.get $f) (i32.const 2)) (local.get $i))
                    (call $weight (local.get $weights) (local.get $n) (local.get $fired)
                      (i32.add (local.get $f) (i32.const 3)) (local.get $i))))
                (f64.add
                  (f64.add
                    (call $weight (local.get $weights) (local.get $n) (local.get $fired)
                      (i32.add (local.get $f) (i32.const 4)) (local.get $i))
                    (call $weight (local.get $weights) (local.get $n) (local.get $fired)
                      (i32.add (local.get $f) (i32.const 5)) (local.get $i)))
                  (f64.add
                    (call $weight (local.get $weights) (local.get $n) (local.get $fired)
                      (i32.add (local.get $f) (i32.const 6)) (local.get $i))
                    (call $weight (local.get $weights) (local.get $n) (local.get $fired)
                      (i32.add (local.get $f) (i32.const 7)) (local.get $i)))))
              (local.get $charge))))
            (local.set $f (i32.add (local.get $f) (i32.const 8)))
            (br $eights)))
        (if (i32.le_s (i32.add (local.get $f) (i32.const 4)) (local.get $count))
          (then
            (local.set $acc (f64.add (local.get $acc) (f64.mul
              (f64.add
                (f64.add
                  (call $weight (local.get $weights) (local.get $n) (local.get $fired)
                    (local.get $f) (local.get $i))
                  (call $weight (local.get $weights) (local.get $n) (local.get $fired)
                    (i32.add (local.get $f) (i32.const 1)) (local.get $i)))
                (f64.add
                  (call $weight (local.get $weights) (local.get $n) (local.get $fired)
                    (i32.add (local.get $f) (i32.const 2)) (local.get $i))
                  (call $weight (local.get $weights) (local.get $n) (local.get $fired)
                    (i32.add (local.get $f) (i32.const 3)) (local.get $i))))
              (local.get $charge))))
            (local.set $f (i32.add (local.get $f) (i32.const 4)))))
        (local.set $left (i32.sub (local.get $count) (local.get $f)))
        (if (i32.gt_s (local.get $left) (i32.const 0))
          (then
            ;; 1: w₀   2: w₀ + w₁   3: (w₀ + w₁) + w₂
            (local.set $sum (call $weight (local.get $weights) (local.get $n) (local.get $fired)
              (local.get $f) (local.get $i)))
            (if (i32.ge_s (local.get $left) (i32.const 2))
              (then (local.set $sum (f64.add (local.get $sum)
                (call $weight (local.get $weights) (local.get $n) (local.get $fired)
                  (i32.add (local.get $f) (i32.const 1)) (local.get $i))))))
            (if (i32.eq (local.get $left) (i32.const 3))
              (then (local.set $sum (f64.add (local.get $sum)
                (call $weight (local.get $weights) (local.get $n) (local.get $fired)
                  (i32.add (local.get $f) (i32.const 2)) (local.get $i))))))
            (local.set $acc (f64.add (local.get $acc) (f64.mul (local.get $sum) (local.get $charge))))))
        (f64.store (i32.add (local.get $input) (i32.shl (local.get $i) (i32.const 3))) (local.get $acc))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $neurons))))

  ;; Phases 4 and 5 for neurons [from, to) one at a time (the neuron the pairs leave over):
  ;;   v ← v + half·((((0.04·(v·v) + 5·v) + 140) − u) + I), twice;  then u ← u + (dt·a)·(b·v − u)
  (func $updateScalar (param $desc i32) (param $from i32) (param $to i32)
    (local $half f64) (local $at i32) (local $vi f64) (local $ui f64) (local $ii f64)
    (local.set $half (f64.load offset=64 (local.get $desc)))
    (local.set $at (i32.shl (local.get $from) (i32.const 3)))
    (block $done
      (loop $neurons
        (br_if $done (i32.ge_u (local.get $at) (i32.shl (local.get $to) (i32.const 3))))
        (local.set $vi (f64.load (i32.add (i32.load offset=8 (local.get $desc)) (local.get $at))))
        (local.set $ui (f64.load (i32.add (i32.load offset=12 (local.get $desc)) (local.get $at))))
        (local.set $ii (f64.load (i32.add (i32.load offset=4 (local.get $desc)) (local.get $at))))
        (local.set $vi (f64.add (local.get $vi) (f64.mul (local.get $half)
          (f64.add (f64.sub (f64.add (f64.add
            (f64.mul (f64.const 0.04) (f64.mul (local.get $vi) (local.get $vi)))
            (f64.mul (f64.const 5) (local.get $vi)))
            (f64.const 140))
            (local.get $ui))
            (local.get $ii)))))
        (local.set $vi (f64.add (local.get $vi) (f64.mul (local.get $half)
          (f64.add (f64.sub (f64.add (f64.add
            (f64.mul (f64.const 0.04) (f64.mul (local.get $vi) (local.get $vi)))
            (f64.mul (f64.const 5) (local.get $vi)))
            (f64.const 140))
            (local.get $ui))
            (local.get $ii)))))
        (f64.store (i32.add (i32.load offset=8 (local.get $desc)) (local.get $at)) (local.get $vi))
        (f64.store (i32.add (i32.load offset=12 (local.get $desc)) (local.get $at))
          (f64.add (local.get $ui)
            (f64.mul
              (f64.mul (f64.load offset=56 (local.get $desc))
                (f64.load (i32.add (i32.load offset=16 (local.get $desc)) (local.get $at))))
              (f64.sub
                (f64.mul (f64.load (i32.add (i32.load offset=20 (local.get $desc)) (local.get $at)))
                  (local.get $vi))
                (local.get $ui)))))
        (local.set $at (i32.add (local.get $at) (i32.const 8)))
        (br $neurons))))

  ;; begin(desc, from, to, out): phases 1 and 2 for neurons [from, to) (from a multiple of 256);
  ;; the fired neurons go to the i32 list at `out`. Returns their count, or −1 (diverged).
  (func $begin (export "begin") (param $desc i32) (param $from i32) (param $to i32)
    (param $out i32) (result i32)
    (call $noise (local.get $desc) (local.get $from) (local.get $to))
    (call $threshold (local.get $desc) (local.get $from) (local.get $to) (local.get $out)))

  ;; beginList(desc, from, to, list, count): phases 1 and 2 for neurons [from, to) (from a
  ;; multiple of 256), phase 2 over the `count` neurons finishList listed at `list`, the fired
  ;; written over the list. Returns their count, or −1 (diverged).
  (func (export "beginList") (param $desc i32) (param $from i32) (param $to i32)
    (param $list i32) (param $count i32) (result i32)
    (call $noise (local.get $desc) (local.get $from) (local.get $to))
    (call $thresholdList (local.get $desc) (local.get $list) (local.get $count)))

  ;; $deliver(desc, fired, count, from, to): phase 3 for neurons [from, to) (from a multiple of 4)
  ;; with the `count` fired neurons of the i32 list at `fired`, split among the kernels as
  ;; `phases.ts` splits them.
  (func $deliver (param $desc i32) (param $fired i32) (param $count i32)
    (param $from i32) (param $to i32)
    (local $n i32) (local $input i32) (local $weights i32) (local $charge f64)
    (local $groups i32) (local $covered i32) (local $f i32)
    (local.set $n (i32.load (local.get $desc)))
    (local.set $input (i32.load offset=4 (local.get $desc)))
    (local.set $weights (i32.load offset=44 (local.get $desc)))
    (local.set $charge (f64.load offset=72 (local.get $desc)))
    (if (i32.gt_s (local.get $count) (i32.const 0))
      (then
        (local.set $groups (i32.shr_u (local.get $count) (i32.const 3)))
        (local.set $covered (i32.add (local.get $from)
          (i32.and (i32.sub (local.get $to) (local.get $from)) (i32.const -4))))
        (if (local.get $groups)
          (then (call $deliver8 (local.get $weights) (local.get $fired) (local.get $groups)
            (local.get $n) (local.get $input) (local.get $from) (local.get $covered)
            (local.get $charge))))
        (local.set $f (i32.shl (local.get $groups) (i32.const 3)))
        (if (i32.le_s (i32.add (local.get $f) (i32.const 4)) (local.get $count))
          (then
            (call $deliverRest (local.get $weights)
              (i32.add (local.get $fired) (i32.shl (local.get $f) (i32.const 2))) (i32.const 4)
              (local.get $n) (local.get $input) (local.get $from) (local.get $covered)
              (local.get $charge))
            (local.set $f (i32.add (local.get $f) (i32.const 4)))))
        (if (i32.lt_s (local.get $f) (local.get $count))
          (then (call $deliverRest (local.get $weights)
            (i32.add (local.get $fired) (i32.shl (local.get $f) (i32.const 2)))
            (i32.sub (local.get $count) (local.get $f))
            (local.get $n) (local.get $input) (local.get $from) (local.get $covered)
            (local.get $charge))))
        (if (i32.lt_u (local.get $covered) (local.get $to))
          (then (call $deliverScalar (local.get $desc) (local.get $fired) (local.get $count)
            (local.get $covered) (local.get $to)))))))

  ;; finish(desc, fired, count, from, to): phases 3, 4 and 5 for neurons [from, to) (from a
  ;; multiple of 4) with the `count` fired neurons of the i32 list at `fired`.
  (func $finish (export "finish") (param $desc i32) (param $fired i32) (param $count i32)
    (param $from i32) (param $to i32)
    (local $paired i32)
    (call $deliver (local.get $desc) (local.get $fired) (local.get $count) (local.get $from)
      (local.get $to))
    (local.set $paired (i32.add (local.get $from)
      (i32.and (i32.sub (local.get $to) (local.get $from)) (i32.const -2))))
    (call $membrane (i32.load offset=8 (local.get $desc)) (i32.load offset=12 (local.get $desc))
      (i32.load offset=4 (local.get $desc)) (local.get $from) (local.get $paired)
      (f64.load offset=64 (local.get $desc)))
    ;; the neuron left over gets its v and u here: no other neuron's update reads them
    (call $updateScalar (local.get $desc) (local.get $paired) (local.get $to))
    (call $recovery (i32.load offset=8 (local.get $desc)) (i32.load offset=12 (local.get $desc))
      (i32.load offset=16 (local.get $desc)) (i32.load offset=20 (local.get $desc))
      (local.get $from) (local.get $paired) (f64.load offset=56 (local.get $desc))))

  ;; updateList(desc, from, to, out) → listed: phases 4 and 5 for neurons [from, to) (from
  ;; even), and the neurons of [from, to) that the next threshold can fire or find diverged
  ;; (v ≥ 30, NaN or −∞) written in order to the i32 list at `out` for thresholdList, their count
  ;; returned. The pairs take the SIMD kernels, a last odd neuron $updateScalar (no other
  ;; neuron's update reads its v and u).
  (func $updateList (export "updateList") (param $desc i32) (param $from i32) (param $to i32)
    (param $out i32) (result i32)
    (local $paired i32) (local $listed i32) (local $vi f64)
    (local.set $paired (i32.add (local.get $from)
      (i32.and (i32.sub (local.get $to) (local.get $from)) (i32.const -2))))
    (call $membrane (i32.load offset=8 (local.get $desc)) (i32.load offset=12 (local.get $desc))
      (i32.load offset=4 (local.get $desc)) (local.get $from) (local.get $paired)
      (f64.load offset=64 (local.get $desc)))
    (call $updateScalar (local.get $desc) (local.get $paired) (local.get $to))
    (local.set $listed (call $recoverList
      (i32.load offset=8 (local.get $desc)) (i32.load offset=12 (local.get $desc))
      (i32.load offset=16 (local.get $desc)) (i32.load offset=20 (local.get $desc))
      (local.get $from) (local.get $paired) (f64.load offset=56 (local.get $desc))
      (local.get $out)))
    (if (i32.lt_u (local.get $paired) (local.get $to))
      (then
        (local.set $vi (f64.load (i32.add (i32.load offset=8 (local.get $desc))
          (i32.shl (local.get $paired) (i32.const 3)))))
        (if (i32.or (i32.eqz (f64.lt (local.get $vi) (f64.const 30)))
              (f64.eq (local.get $vi) (f64.const -inf)))
          (then
            (i32.store (i32.add (local.get $out) (i32.shl (local.get $listed) (i32.const 2)))
              (local.get $paired))
            (local.set $listed (i32.add (local.get $listed) (i32.const 1)))))))
    (local.get $listed))

  ;; finishList(desc, fired, count, from, to, out) → listed: finish, and the neurons [from, to)
  ;; that the next threshold can fire or find diverged written to `out` (updateList).
  (func (export "finishList") (param $desc i32) (param $fired i32) (param $count i32)
    (param $from i32) (param $to i32) (param $out i32) (result i32)
    (call $deliver (local.get $desc) (local.get $fired) (local.get $count) (local.get $from)
      (local.get $to))
    (call $updateList (local.get $desc) (local.get $from) (local.get $to) (local.get $out)))

  ;; uniforms(o, target, count, factor): f32 target[0 … count) = x·factor for the unsigned 32 bits
  ;; x of successive draws of the generator at byte address o, as `NetworkRandom.fillUniform`
  ;; stores them (rounded to the nearest f32). The weights of a network are drawn this way.
  (func (export "uniforms") (param $o i32) (param $target i32) (param $count i32)
    (param $factor f64)
    (local $s0 i64) (local $s1 i64) (local $end i32) (local $bits i32)
    (local.set $s0 (i64.rotl (i64.load (local.get $o)) (i64.const 32)))
    (local.set $s1 (i64.rotl (i64.load offset=8 (local.get $o)) (i64.const 32)))
    (local.set $end (i32.add (local.get $target) (i32.shl (local.get $count) (i32.const 2))))
    (block $done
      (loop $draws
        (br_if $done (i32.ge_u (local.get $target) (local.get $end)))
        (local.set $bits (i32.wrap_i64 (i64.add (local.get $s0) (local.get $s1))))
        (local.set $s1 (i64.xor (local.get $s1) (local.get $s0)))
        (local.set $s0 (i64.xor
          (i64.xor (i64.rotl (local.get $s0) (i64.const 24)) (local.get $s1))
          (i64.shl (local.get $s1) (i64.const 16))))
        (local.set $s1 (i64.rotl (local.get $s1) (i64.const 37)))
        (f32.store (local.get $target) (f32.demote_f64
          (f64.mul (f64.convert_i32_u (local.get $bits)) (local.get $factor))))
        (local.set $target (i32.add (local.get $target) (i32.const 4)))
        (br $draws)))
    (i64.store (local.get $o) (i64.rotl (local.get $s0) (i64.const 32)))
    (i64.store offset=8 (local.get $o) (i64.rotl (local.get $s1) (i64.const 32))))

  ;; step(desc): one whole step of a network on one thread, its fired neurons in the list at the
  ;; descriptor's byte 52. Returns their count, or −1 (diverged).
  (func (export "step") (param $desc i32) (result i32)
    (local $n i32) (local $fired i32) (local $count i32)
    (local.set $n (i32.load (local.get $desc)))
    (local.set $fired (i32.load offset=52 (local.get $desc)))
    (local.set $count (call $begin (local.get $desc) (i32.const 0) (local.get $n) (local.get $fired)))
    (if (i32.lt_s (local.get $count) (i32.const 0)) (then (return (i32.const -1))))
    (call $finish (local.get $desc) (local.get $fired) (local.get $count) (i32.const 0) (local.get $n))
    (local.get $count)))
