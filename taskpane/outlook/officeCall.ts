// An Office.js asynchronous call (…Async(…, callback)) as a promise: its value, or an error saying
// what could not be done (French / English) and why.
import type { AsyncResultLike } from "./mailItem";

export type OfficeCallback<T> = (result: AsyncResultLike<T>) => void;

/**
 * @param what - what failed, French / English: « Objet illisible / cannot read the subject »
 * @param start - starts the call with the callback
 * @example await officeCall<string>("Objet illisible / cannot read the subject", (cb) => item.subject.getAsync(cb))
 */
export function officeCall<T>(what: string, start: (callback: OfficeCallback<T>) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      start((result) => {
        if (result.status === "succeeded") resolve(result.value);
        else reject(new Error(`${what} : ${result.error?.message ?? result.status}`));
      });
    } catch (error) {
      reject(new Error(`${what} : ${error instanceof Error ? error.message : String(error)}`));
    }
  });
}
