/**
 * A TCP port as typed by a person: digits only, 1–65535, or 0 for "any free port". Number() and
 * parseFloat would read "50%" as 50 and "8e3" as 8000; a port is never meant that way.
 */
export function parsePort(raw: string): number | null {
  const value = raw.trim();
  if (!/^\d{1,5}$/.test(value)) return null;
  const port = Number(value);
  return port <= 65535 ? port : null;
}
