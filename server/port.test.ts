import { describe, expect, it } from 'vitest';
import { parsePort } from './port';

describe('parsePort', () => {
  it('takes whole numbers from 0 to 65535 as typed', () => {
    expect(parsePort('0')).toBe(0);
    expect(parsePort('1')).toBe(1);
    expect(parsePort(' 8080 ')).toBe(8080);
    expect(parsePort('65535')).toBe(65535);
  });

  it('refuses what Number() would read as something else', () => {
    for (const bad of ['50%', '8e3', '0x50', '80.5', '-1', '+80', '65536', '99999', '', ' ', '1 000']) expect(parsePort(bad), bad).toBeNull();
  });
});
