// Writes to one workbook go one at a time: Excel refuses an edit that overlaps another
// (409 accessConflict), and two appends that each look for the last used row and then write below
// it would write over each other. Keyed by drive and item, for the whole process: two requests of
// the server on the same workbook wait for each other too.

const tails = new Map<string, Promise<unknown>>();

/**
 * Runs `work` once every earlier work on the same workbook has ended (whether it succeeded or not).
 *
 * @param key - the workbook ("driveId/itemId")
 * @param work - reads what it needs and writes
 * @returns what work returns
 * @example await oneWriteAtATime(`${item.driveId}/${item.itemId}`, () => output.append(appends));
 */
export function oneWriteAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
  const before = tails.get(key) ?? Promise.resolve();
  const run = before.then(work, work);
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  tails.set(key, tail);
  void tail.then(() => {
    if (tails.get(key) === tail) tails.delete(key);
  });
  return run;
}
