/** For workers that compute in chunks: a pause that lets queued messages (Cancel, Pause) in. */

/** Resolves after the messages queued so far; a MessageChannel round trip is faster than a timer. */
export function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}
