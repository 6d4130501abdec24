// A small, fast, seeded generator of floats in [0, 1) (mulberry32): the same draws for the same seed,
// for the benchmark's workbooks and the stand-in's faults, so that a run can be made again.

/** @example const random = seededRandom(7); random() // always the same first draw for seed 7 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
