;; The steps of one thread of a network run on several threads, in WebAssembly: `stepPart` of
;; `parallel.ts` (the paper's dense network) or of `../sparse/parallel.ts` (a sparse one) step
;; after step, with its barrier, over the same memory and the same control words. A chunk of steps
;; then runs no JavaScript between its steps, so the threads do not wait on each other while an
;; engine compiles JavaScript, and a fresh process runs compiled code from its first step. The
;; phases are the step kernel's (`begin`, `beginList`, `finishList`, `updateList` of `step.wat`)
;; and the sparse kernels' (`deliver` of `../sparse/kernels.wat`), imported from their instances,
;; so the spikes are those of the JavaScript loops.
;;
;; A thread's part is a descriptor (bytes, i32 little-endian):
;;   0 index, 4 parties, 8 the control words (`CONTROL` of parallel.ts: at byte 0 the barrier's
;;   arrivals, 4 its generation, 32 + 4·(parity·parties + t) thread t's fired count of a step of
;;   that parity), 12 the fired buffer of even steps, 16 that of odd steps, 20 this thread's fired
;;   list (every thread's spikes of the step, in index order), 24 listed (`finishList`'s count for
;;   the next step's threshold, −1 before the first step), 28 the spike log's steps (i32; 0: no
;;   log), 32 its neurons (i32), 36 its capacity, 40 its count, 44 how many times the barrier
;;   looks before it sleeps, 48 the step at which some neuron diverged (0: none), 52 the last
;;   step's fired count, 56 the network: 0 dense (phase 3 by `finishList` over this thread's
;;   fired list), 1 sparse (each thread's spikes delivered where they are by `deliver`, then
;;   `updateList`); for a sparse network `deliver`'s arguments: 60 first, 64 last, 68 targets,
;;   72 their shift, 76 weights, 80 input, 88 the charge 1/dt (f64); 96 the bounds: thread t
;;   takes neurons bounds[t] … bounds[t + 1] − 1 (parties + 1 of them).
;;
;; Assembled by `npm run build:kernels` (wabt's wat2wasm) into `thread-steps.generated.ts`; only
;; the shared-memory module is used (waiting on an unshared memory traps).
(module
  (import "env" "memory" (memory 1 65536))
  (import "step" "begin" (func $begin (param i32 i32 i32 i32) (result i32)))
  (import "step" "beginList" (func $beginList (param i32 i32 i32 i32 i32) (result i32)))
  (import "step" "finishList"
    (func $finishList (param i32 i32 i32 i32 i32 i32) (result i32)))
  (import "step" "updateList" (func $updateList (param i32 i32 i32 i32) (result i32)))
  (import "sparse" "deliver"
    (func $deliver (param i32 i32 i32 i32 i32 i32 i32 i32 f64)))

  ;; barrier(control, parties, spins): `barrier` of parallel.ts. The last of the parties to arrive
  ;; clears the arrivals, moves the generation on and wakes the sleepers; the others look at the
  ;; generation `spins` times, then sleep on it (up to a second at a time) until it moves.
  (func $barrier (param $control i32) (param $parties i32) (param $spins i32)
    (local $generation i32) (local $spin i32)
    (local.set $generation (i32.atomic.load offset=4 (local.get $control)))
    (if (i32.eq (i32.atomic.rmw.add (local.get $control) (i32.const 1))
          (i32.sub (local.get $parties) (i32.const 1)))
      (then
        (i32.atomic.store (local.get $control) (i32.const 0))
        (drop (i32.atomic.rmw.add offset=4 (local.get $control) (i32.const 1)))
        (drop (memory.atomic.notify offset=4 (local.get $control) (i32.const -1)))
        (return)))
    (block $spun
      (loop $spin
        (br_if $spun (i32.ge_u (local.get $spin) (local.get $spins)))
        (if (i32.ne (i32.atomic.load offset=4 (local.get $control)) (local.get $generation))
          (then (return)))
        (local.set $spin (i32.add (local.get $spin) (i32.const 1)))
        (br $spin)))
    (loop $sleep
      (if (i32.eq (i32.atomic.load offset=4 (local.get $control)) (local.get $generation))
        (then
          (drop (memory.atomic.wait32 offset=4 (local.get $control) (local.get $generation)
            (i64.const 1000000000)))
          (br $sleep)))))

  ;; copy(to, from, count): the i32 words from[0 … count) to to[0 … count).
  (func $copy (param $to i32) (param $from i32) (param $count i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $from) (i32.shl (local.get $count) (i32.const 2))))
    (block $done
      (loop $words
        (br_if $done (i32.ge_u (local.get $from) (local.get $end)))
        (i32.store (local.get $to) (i32.load (local.get $from)))
        (local.set $to (i32.add (local.get $to) (i32.const 4)))
        (local.set $from (i32.add (local.get $from) (i32.const 4)))
        (br $words))))

  ;; steps(desc, part, start, steps) → the steps taken: this thread's part of steps k = start + 1
  ;; … start + steps of the network of step descriptor `desc`. The spikes of a step go, thread
  ;; by thread in index order, into this thread's fired list (dense) or straight to `deliver`
  ;; (sparse), and into the log. It stops early when some thread's
  ;; neurons diverged at step k (every thread sees it at the same step: k goes to byte 48 of the
  ;; part, and the steps before k are taken), or, on a thread with a log, before a step whose
  ;; spikes might not fit in the log (the other threads then wait for it at the next barrier).
  ;; With a log, each step's spikes are appended to it: step k in steps, the neuron in neurons.
  (func (export "steps") (param $desc i32) (param $part i32) (param $start i32) (param $steps i32)
    (result i32)
    (local $n i32) (local $index i32) (local $parties i32) (local $control i32) (local $fired i32)
    (local $bounds i32) (local $from i32) (local $to i32) (local $logSteps i32)
    (local $logNeurons i32) (local $logCount i32) (local $s i32) (local $k i32) (local $parity i32)
    (local $buffer i32) (local $counts i32) (local $listed i32) (local $own i32) (local $total i32)
    (local $t i32) (local $count i32) (local $at i32) (local $end i32) (local $sparse i32)
    (local $segment i32) (local $next i32)
    (local.set $n (i32.load (local.get $desc)))
    (local.set $index (i32.load (local.get $part)))
    (local.set $parties (i32.load offset=4 (local.get $part)))
    (local.set $control (i32.load offset=8 (local.get $part)))
    (local.set $fired (i32.load offset=20 (local.get $part)))
    (local.set $bounds (i32.add (local.get $part) (i32.const 96)))
    (local.set $sparse (i32.load offset=56 (local.get $part)))
    (local.set $from
      (i32.load (i32.add (local.get $bounds) (i32.shl (local.get $index) (i32.const 2)))))
    (local.set $to
      (i32.load offset=4 (i32.add (local.get $bounds) (i32.shl (local.get $index) (i32.const 2)))))
    (local.set $logSteps (i32.load offset=28 (local.get $part)))
    (local.set $logNeurons (i32.load offset=32 (local.get $part)))
    (local.set $logCount (i32.load offset=40 (local.get $part)))
    (block $stop
      (loop $stepsLoop
        (br_if $stop (i32.ge_u (local.get $s) (local.get $steps)))
        (br_if $stop (i32.and (i32.ne (local.get $logSteps) (i32.const 0))
          (i32.gt_u (i32.add (local.get $logCount) (local.get $n))
            (i32.load offset=36 (local.get $part)))))
        (local.set $k (i32.add (i32.add (local.get $start) (local.get $s)) (i32.const 1)))
        (local.set $parity (i32.and (local.get $k) (i32.const 1)))
        (local.set $buffer (i32.load offset=12
          (i32.add (local.get $part) (i32.shl (local.get $parity) (i32.const 2)))))
        (local.set $counts (i32.add (local.get $control)
          (i32.shl (i32.add (i32.const 8) (i32.mul (local.get $parity) (local.get $parties)))
            (i32.const 2))))
        ;; phases 1 and 2 of this thread's neurons, the fired to its part of the buffer
        (local.set $listed (i32.load offset=24 (local.get $part)))
        (local.set $at (i32.add (local.get $buffer) (i32.shl (local.get $from) (i32.const 2))))
        (local.set $own
          (if (result i32) (i32.lt_s (local.get $listed) (i32.const 0))
            (then (call $begin (local.get $desc) (local.get $from) (local.get $to) (local.get $at)))
            (else (call $beginList (local.get $desc) (local.get $from) (local.get $to)
              (local.get $at) (local.get $listed)))))
        (i32.atomic.store
          (i32.add (local.get $counts) (i32.shl (local.get $index) (i32.const 2)))
          (local.get $own))
        (call $barrier (local.get $control) (local.get $parties)
          (i32.load offset=44 (local.get $part)))
        ;; every thread's spikes, in index order: into this thread's fired list, or delivered
        (local.set $total (i32.const 0))
        (local.set $t (i32.const 0))
        (block $gathered
          (loop $gather
            (br_if $gathered (i32.ge_u (local.get $t) (local.get $parties)))
            (local.set $count (i32.atomic.load
              (i32.add (local.get $counts) (i32.shl (local.get $t) (i32.const 2)))))
            (if (i32.lt_s (local.get $count) (i32.const 0))
              (then
                (i32.store offset=48 (local.get $part) (local.get $k))
                (br $stop)))
            (local.set $segment (i32.add (local.get $buffer) (i32.shl
              (i32.load (i32.add (local.get $bounds) (i32.shl (local.get $t) (i32.const 2))))
              (i32.const 2))))
            (if (local.get $sparse)
              (then
                (call $deliver (local.get $segment) (local.get $count)
                  (i32.load offset=60 (local.get $part)) (i32.load offset=64 (local.get $part))
                  (i32.load offset=68 (local.get $part)) (i32.load offset=72 (local.get $part))
                  (i32.load offset=76 (local.get $part)) (i32.load offset=80 (local.get $part))
                  (f64.load offset=88 (local.get $part))))
              (else
                (call $copy
                  (i32.add (local.get $fired) (i32.shl (local.get $total) (i32.const 2)))
                  (local.get $segment) (local.get $count))))
            (if (local.get $logSteps)
              (then
                (call $copy
                  (i32.add (local.get $logNeurons)
                    (i32.shl (i32.add (local.get $logCount) (local.get $total)) (i32.const 2)))
                  (local.get $segment) (local.get $count))))
            (local.set $total (i32.add (local.get $total) (local.get $count)))
            (local.set $t (i32.add (local.get $t) (i32.const 1)))
            (br $gather)))
        ;; phases 3–5 (dense) or 4 and 5 (sparse), listing into the other buffer: every thread
        ;; has passed this step's barrier, so none still reads the spikes of the step before from it
        (local.set $next (i32.add
          (i32.load offset=12 (i32.add (local.get $part)
            (i32.shl (i32.xor (local.get $parity) (i32.const 1)) (i32.const 2))))
          (i32.shl (local.get $from) (i32.const 2))))
        (i32.store offset=24 (local.get $part)
          (if (result i32) (local.get $sparse)
            (then (call $updateList (local.get $desc) (local.get $from) (local.get $to)
              (local.get $next)))
            (else (call $finishList (local.get $desc) (local.get $fired) (local.get $total)
              (local.get $from) (local.get $to) (local.get $next)))))
        (i32.store offset=52 (local.get $part) (local.get $total))
        (if (local.get $logSteps)
          (then
            (local.set $at
              (i32.add (local.get $logSteps) (i32.shl (local.get $logCount) (i32.const 2))))
            (local.set $end (i32.add (local.get $at) (i32.shl (local.get $total) (i32.const 2))))
            (block $logged
              (loop $log
                (br_if $logged (i32.ge_u (local.get $at) (local.get $end)))
                (i32.store (local.get $at) (local.get $k))
                (local.set $at (i32.add (local.get $at) (i32.const 4)))
                (br $log)))
            (local.set $logCount (i32.add (local.get $logCount) (local.get $total)))))
        (local.set $s (i32.add (local.get $s) (i32.const 1)))
        (br $stepsLoop)))
    (i32.store offset=40 (local.get $part) (local.get $logCount))
    (local.get $s))
)
