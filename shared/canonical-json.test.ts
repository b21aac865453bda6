import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys recursively and drops whitespace', () => {
    const a = { b: 1, a: { z: [3, { y: true, x: null }], c: 'x' } };
    expect(canonicalJson(a)).toBe('{"a":{"c":"x","z":[3,{"x":null,"y":true}]},"b":1}');
  });

  it('gives the same text whatever order the keys were inserted in', () => {
    const one = { wardCode: 'HP-HAIDUONG', v: 1, officer: { name: 'Vân', title: 'Chủ tịch' } };
    const two = { officer: { title: 'Chủ tịch', name: 'Vân' }, v: 1, wardCode: 'HP-HAIDUONG' };
    expect(canonicalJson(one)).toBe(canonicalJson(two));
  });

  it('sorts integer-like keys as strings, not as numbers', () => {
    expect(canonicalJson({ 2: 'b', 10: 'a' })).toBe('{"10":"a","2":"b"}');
  });

  it('keeps array order', () => {
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
  });

  it('orders keys by UTF-16 code units, not by locale', () => {
    // 'Z' (0x5A) < 'a' (0x61) < 'é' (0xE9) < '\u{1F600}' (surrogate 0xD83D) < '\uFB33' (0xFB33).
    const value = { '\uFB33': 5, '\u{1F600}': 4, é: 3, a: 2, Z: 1 };
    expect(canonicalJson(value)).toBe('{"Z":1,"a":2,"é":3,"\u{1F600}":4,"\uFB33":5}');
  });

  it('matches RFC 8785 number formatting', () => {
    expect(canonicalJson([1e21, 1e-7, 0.1, -0, 100, 1.5e300, 333333333.3333333])).toBe('[1e+21,1e-7,0.1,0,100,1.5e+300,333333333.3333333]');
  });

  it('escapes strings as JSON does, leaving non-ASCII letters as they are', () => {
    expect(canonicalJson('Phường "Hải Dương"\n\u0001')).toBe('"Phường \\"Hải Dương\\"\\n\\u0001"');
  });

  it('round-trips through JSON.parse', () => {
    const value = { n: [1, 2.5, -3], s: 'xã', t: true, f: false, z: null, o: {} };
    expect(JSON.parse(canonicalJson(value))).toEqual(value);
  });

  it('leaves out object members whose value is undefined', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
  });

  it.each([
    ['undefined in an array', [1, undefined]],
    ['a hole in an array', [1, , 3]], // eslint-disable-line no-sparse-arrays
    ['NaN', { a: NaN }],
    ['Infinity', [Infinity]],
    ['-Infinity', -Infinity],
    ['a function', { f: () => 1 }],
    ['a bigint', { n: 10n }],
    ['a symbol', [Symbol('x')]],
    ['undefined at the top', undefined],
    ['a Date', { d: new Date(0) }],
    ['a Map', new Map()],
    ['a Uint8Array', { b: new Uint8Array(2) }],
  ])('refuses %s', (_label, value) => {
    expect(() => canonicalJson(value)).toThrow(Error);
  });

  it('names where the bad value is', () => {
    expect(() => canonicalJson({ a: { b: [0, NaN] } })).toThrow('$.a.b[1]');
  });

  it('refuses a cycle instead of overflowing the stack', () => {
    const a: Record<string, unknown> = {};
    a.self = { a };
    expect(() => canonicalJson(a)).toThrow(/circular/);
  });

  it('allows the same object twice when it is not a cycle', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: [shared] })).toBe('{"a":{"x":1},"b":[{"x":1}]}');
  });

  it('accepts objects without a prototype', () => {
    const o = Object.create(null) as Record<string, unknown>;
    o.b = 2;
    o.a = 1;
    expect(canonicalJson(o)).toBe('{"a":1,"b":2}');
  });
});
