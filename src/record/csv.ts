/** CSV text in chunks, so that a long export never sits in memory as one string. */

/** Yields `header` and the rows in chunks of about 64 kB, so a long export never sits in one string. */
export function* csvChunks(
  header: string,
  rowCount: number,
  row: (i: number) => string,
): Generator<string> {
  let chunk = header + '\n';
  for (let i = 0; i < rowCount; i++) {
    chunk += row(i) + '\n';
    if (chunk.length > 65536) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) yield chunk;
}
