/**
 * Runs the functions given one after another, each after the previous one settled, whatever its
 * outcome: one SQLite connection's long work (an import, a backup) never interleaves with another's.
 */
export function serialQueue(): <T>(fn: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>) => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };
}
