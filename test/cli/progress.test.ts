import { afterEach, describe, expect, it } from 'vitest';
import { terminalProgressBar } from '../../src/cli/progress.js';

const wasTTY = process.stderr.isTTY;

afterEach(() => {
  process.stderr.isTTY = wasTTY;
});

describe('terminalProgressBar(label)', () => {
  it('is undefined when standard error is not a terminal', () => {
    process.stderr.isTTY = false;
    expect(terminalProgressBar('map')).toBeUndefined();
  });

  it('is a bar labelled with its name on standard error when it is a terminal', () => {
    process.stderr.isTTY = true;
    const bar = terminalProgressBar('network');
    expect(bar).toBeDefined();
    const options = (bar as unknown as { options: { format: string; stream: unknown } }).options;
    expect(options.format).toBe('network [{bar}] {percentage}% | ETA {eta}s');
    expect(options.stream).toBe(process.stderr);
  });
});
