/**
 * Deterministic JSON for signatures: the same value always gives the same bytes, here and in
 * any other implementation the city may write (it follows RFC 8785, "JSON Canonicalization
 * Scheme": keys sorted by UTF-16 code units, no whitespace, ECMAScript number and string
 * formatting).
 *
 * It refuses, rather than silently drops or rewrites, anything JSON cannot carry faithfully:
 * a signature over a value that would not round-trip through JSON.parse could never be
 * re-checked by the receiver.
 *
 * One deliberate leniency: an object property whose value is `undefined` is left out, as
 * JSON.stringify does, because optional TypeScript fields (`title?: string`) are routinely
 * present-but-undefined and the receiver sees exactly the same object without them.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$', []);
}

function write(value: unknown, path: string, ancestors: object[]): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) fail(path, String(value));
      // Number-to-string of ECMAScript is exactly what RFC 8785 prescribes (and -0 becomes 0).
      return JSON.stringify(value);
    case 'string':
      return JSON.stringify(value);
    case 'object':
      return writeObject(value, path, ancestors);
    default:
      // undefined, function, symbol, bigint: JSON has no faithful spelling for any of them.
      return fail(path, typeof value);
  }
}

function writeObject(value: object, path: string, ancestors: object[]): string {
  // A cycle would otherwise end in a stack overflow far from the caller's mistake.
  if (ancestors.includes(value)) fail(path, 'a circular reference');
  const inner = [...ancestors, value];

  if (Array.isArray(value)) {
    const items: string[] = [];
    for (let i = 0; i < value.length; i++) {
      // `undefined` (and holes) would silently become null, changing what was signed.
      items.push(write(value[i], `${path}[${i}]`, inner));
    }
    return `[${items.join(',')}]`;
  }

  // Date, Map, Buffer, class instances...: JSON.stringify would turn them into strings, `{}`
  // or a byte dump depending on their toJSON; the caller should convert them explicitly.
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) {
    fail(path, `an instance of ${describeConstructor(value)}`);
  }

  const record = value as Record<string, unknown>;
  const members: string[] = [];
  // Default sort compares UTF-16 code units, which is the order RFC 8785 requires.
  for (const key of Object.keys(record).sort()) {
    const member = record[key];
    if (member === undefined) continue;
    members.push(`${JSON.stringify(key)}:${write(member, `${path}.${key}`, inner)}`);
  }
  return `{${members.join(',')}}`;
}

function describeConstructor(value: object): string {
  const ctor = (value as { constructor?: { name?: unknown } }).constructor;
  return typeof ctor?.name === 'string' && ctor.name ? ctor.name : 'a non-plain object';
}

function fail(path: string, what: string): never {
  throw new Error(`canonicalJson: cannot represent ${what} at ${path}`);
}
