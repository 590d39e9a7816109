import { describe, expect, it } from 'vitest';
import { protocolOptions } from '../../src/presets/protocol.js';

describe('protocolOptions(protocol, overrides)', () => {
  const protocol = { params: { a: 0.02, b: 0.2 }, dt: 0.25, duration: 100, input: '10' };

  it('lists the parameters, the initial state the protocol gives, the grid and the input', () => {
    expect(protocolOptions(protocol, {})).toEqual({
      a: 0.02,
      b: 0.2,
      dt: 0.25,
      duration: 100,
      input: '10',
    });
    expect(Object.keys(protocolOptions({ ...protocol, v0: -70, u0: -14 }, {}))).toEqual([
      'a',
      'b',
      'v0',
      'u0',
      'dt',
      'duration',
      'input',
    ]);
  });

  it('applies the overrides that are not undefined', () => {
    const options = protocolOptions<{ a: number; b: number }, Record<string, unknown>>(protocol, {
      a: 0.1,
      b: undefined,
      dt: 0.1,
    });
    expect(options).toMatchObject({ a: 0.1, b: 0.2, dt: 0.1 });
  });
});
