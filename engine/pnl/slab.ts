/**
 * Small Float64Arrays carved out of a shared slab. A typed array of more than a few dozen numbers
 * gets its own off-heap buffer, which costs far more to allocate and collect than the model it
 * holds; reading 10,000 assumption ranges would spend most of its time there. Views of one slab
 * cost a small object each. A slab is never reused, only replaced when full, so every view starts
 * zeroed and stays valid as long as it is referenced.
 */
const SLAB_SIZE = 1 << 16;
let slab = new Float64Array(SLAB_SIZE);
let used = 0;

export function doubles(count: number): Float64Array {
  if (count > SLAB_SIZE >> 4) return new Float64Array(count);
  if (used + count > SLAB_SIZE) {
    slab = new Float64Array(SLAB_SIZE);
    used = 0;
  }
  const view = slab.subarray(used, used + count);
  used += count;
  return view;
}
