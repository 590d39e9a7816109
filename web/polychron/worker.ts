/**
 * The polychronization view's Web Worker: keeps the network, advances it in chunks of model time
 * sized to take a few tens of milliseconds, so that Pause, Save and the other messages get through
 * between them, and posts the clock about eight times a second and the plots of the last whole
 * second twice a second.
 */
import {
  CancelledError,
  IzhikitError,
  ParameterError,
  PolychronSimulation,
  checkPolychronDuration,
  findPolychronousGroupsAsync,
  loadCheckpoint,
  resolvePolychronOptions,
  saveCheckpoint,
} from 'izhikit';
import type { FromWorker, PolychronReport, ToWorker } from './protocol.js';
import { yieldToMessages } from '../ui/yield-to-messages.js';

/** Wall time (ms) one chunk should take, and the bounds of a chunk in ms of model time. */
const CHUNK_WALL_MS = 25;
const MIN_CHUNK = 5;
const MAX_CHUNK = 200;
/**
 * Least wall time (ms) between two clock messages and between two reports (plots): at most about
 * ten messages a second in all, however fast the model runs.
 */
const TICK_MS = 125;
const REPORT_MS = 500;
/** Wall time (ms) over which the speed is measured. */
const SPEED_WINDOW_MS = 1500;

let run: PolychronSimulation | undefined;
let running = false;
let looping = false;
/** Model time (ms) at which to pause, if any. */
let until = Number.POSITIVE_INFINITY;
let reportedSeconds = -1;
let search: AbortController | undefined;
/** (wall ms, model ms) samples for the speed. */
let samples: [number, number][] = [];

const post = (message: FromWorker, transfer: Transferable[] = []): void =>
  (self as unknown as Worker).postMessage(message, transfer);

function speed(): number {
  const first = samples[0];
  const last = samples[samples.length - 1];
  if (first === undefined || last === undefined || last[0] - first[0] < 200) return Number.NaN;
  return (last[1] - first[1]) / (last[0] - first[0]);
}

function tick(): void {
  if (run === undefined) return;
  post({ type: 'tick', time: run.time, running, speed: speed() });
}

/** Posts the plots of the last whole second, if not already sent. */
function report(): void {
  // Nothing to draw before the first whole second.
  if (run === undefined || run.seconds === reportedSeconds || run.seconds === 0) return;
  reportedSeconds = run.seconds;
  const result = run.result();
  const { ne, ni, spectrumSeconds } = run.state.options;
  const rasterT = Int32Array.from(result.lastSecond.t);
  const start = (result.seconds - 1) * 1000;
  for (let k = 0; k < rasterT.length; k++) rasterT[k] = (rasterT[k] as number) - start;
  const message: PolychronReport = {
    type: 'report',
    settings: { seed: result.seed, variant: result.variant },
    seconds: result.seconds,
    rasterT,
    rasterI: result.lastSecond.i,
    ne,
    ni,
    excitatoryRate: result.history.excitatoryRate,
    inhibitoryRate: result.history.inhibitoryRate,
    strongPercent: result.history.strongPercent,
    edges: result.weights.edges,
    counts: result.weights.counts,
    frequency: result.rhythm.frequency,
    power: result.rhythm.power,
    dominantFrequency: result.rhythm.dominantFrequency,
    spectrumSeconds: Math.min(spectrumSeconds, result.seconds),
  };
  const buffers = new Set<ArrayBufferLike>(
    [
      rasterT,
      message.rasterI,
      message.excitatoryRate,
      message.inhibitoryRate,
      message.strongPercent,
      message.frequency,
      message.power,
    ].map((array) => array.buffer),
  );
  post(message, [...buffers] as Transferable[]);
}

async function loop(): Promise<void> {
  if (looping) return;
  looping = true;
  let chunk = 20;
  let lastTick = 0;
  let lastReport = 0;
  samples = [];
  try {
    while (running && run !== undefined) {
      await yieldToMessages();
      if (!running || run === undefined) break;
      if (
        run.seconds !== reportedSeconds &&
        run.seconds > 0 &&
        performance.now() - lastReport >= REPORT_MS
      ) {
        report();
        lastReport = performance.now();
        continue;
      }
      const steps = Math.min(chunk, until - run.time);
      if (steps <= 0) {
        running = false;
        break;
      }
      const started = performance.now();
      run.advance(steps);
      const now = performance.now();
      const spent = now - started;
      if (spent > 0) {
        chunk = Math.round((steps * CHUNK_WALL_MS) / spent);
        chunk = Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, chunk));
      }
      samples.push([now, run.time]);
      while (samples.length > 2 && now - (samples[1] as [number, number])[0] > SPEED_WINDOW_MS) {
        samples.shift();
      }
      if (now - lastTick >= TICK_MS) {
        lastTick = now;
        tick();
      }
    }
  } finally {
    looping = false;
  }
  tick();
  report();
}

function untilMs(seconds: number | undefined): number {
  return seconds === undefined ? Number.POSITIVE_INFINITY : checkPolychronDuration(seconds) * 1000;
}

function failed(error: unknown): void {
  post({
    type: 'failed',
    message:
      error instanceof IzhikitError
        ? error.message
        : `the run failed: ${error instanceof Error ? error.message : String(error)}`,
    ...(error instanceof ParameterError ? { parameter: error.parameter } : {}),
  });
}

async function findGroups(): Promise<void> {
  if (run === undefined) {
    post({ type: 'groups-failed', cancelled: false, message: 'run the network first' });
    return;
  }
  running = false;
  tick();
  search?.abort();
  const controller = new AbortController();
  search = controller;
  let lastProgress = 0;
  try {
    const result = await findPolychronousGroupsAsync(run.state, {
      signal: controller.signal,
      onProgress: (done, total, found) => {
        const now = performance.now();
        if (now - lastProgress < TICK_MS && done < total) return;
        lastProgress = now;
        post({ type: 'groups-progress', done, total, found });
      },
    });
    const groups = result.groups.map((group) => ({
      neuron: group.neuron,
      members: group.members,
      times: group.times,
      pre: group.links.pre,
      post: group.links.post,
      delay: group.links.delay,
      layers: group.layers,
      span: group.span,
    }));
    post({
      type: 'groups',
      seconds: run.seconds,
      ne: run.state.options.ne,
      groups,
      elapsedMs: result.elapsedMs,
    });
  } catch (error) {
    post({
      type: 'groups-failed',
      cancelled: error instanceof CancelledError,
      message: `the group search failed: ${error instanceof Error ? error.message : String(error)}`,
    });
  } finally {
    if (search === controller) search = undefined;
  }
}

/**
 * Sets the run going after `prepare` (which may throw a ParameterError, leaving everything as it
 * was) returns the model time at which to pause; ends a group search first.
 */
function go(prepare: () => number): void {
  try {
    const stop = prepare();
    search?.abort();
    until = stop;
    running = true;
    tick();
    void loop();
  } catch (error) {
    failed(error);
  }
}

function handle(message: ToWorker): void {
  switch (message.type) {
    case 'start':
      go(() => {
        const options = resolvePolychronOptions(message.settings);
        const stop = untilMs(message.until);
        run = new PolychronSimulation(options);
        reportedSeconds = -1;
        samples = [];
        return stop;
      });
      return;
    case 'pause':
      running = false;
      tick();
      return;
    case 'resume':
      if (run === undefined) return;
      go(() => {
        const stop = untilMs(message.until);
        // A limit already reached does not hold the run back.
        return run !== undefined && stop > run.time ? stop : Number.POSITIVE_INFINITY;
      });
      return;
    case 'save': {
      if (run === undefined) return;
      const bytes = saveCheckpoint(run);
      post({ type: 'checkpoint', bytes, seconds: run.time / 1000 }, [bytes.buffer]);
      return;
    }
    case 'load': {
      try {
        const loaded = loadCheckpoint(message.bytes);
        search?.abort();
        run = loaded;
        running = false;
        reportedSeconds = -1;
        const { seed, variant } = loaded.state.options;
        post({ type: 'loaded', settings: { seed, variant }, name: message.name });
        tick();
        report();
      } catch (error) {
        post({
          type: 'load-failed',
          message:
            error instanceof IzhikitError
              ? error.message
              : `${message.name} is not a checkpoint: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
      return;
    }
    case 'find-groups':
      void findGroups();
      return;
    case 'cancel-groups':
      search?.abort();
      return;
  }
}

self.addEventListener('message', (event: MessageEvent<ToWorker>) => handle(event.data));
