import { BitmapHeap } from "./growable";

// Source lines per file as two bitmaps (present, hit) in one shared heap. A report may describe a
// file several times (duplicate LCOV SF records, Cobertura inner classes); each description's lines
// are OR-ed into the file's bitmaps, so every line counts once and is hit if hit anywhere.

export class LineBitmaps {
  private readonly heap = new BitmapHeap();
  private offsets = new Int32Array(1024);
  private sizes = new Int32Array(1024);
  private files = 0;
  /** the description being read: line * 2 + hit */
  private pending = new Int32Array(1024);
  private pendingLength = 0;
  private pendingMaxLine = 0;

  newFile(): number {
    if (this.files === this.offsets.length) {
      this.offsets = grow(this.offsets);
      this.sizes = grow(this.sizes);
    }
    this.offsets[this.files] = -1;
    return this.files++;
  }

  add(line: number, hit: boolean): void {
    if (this.pendingLength === this.pending.length) this.pending = grow(this.pending);
    this.pending[this.pendingLength++] = line * 2 + (hit ? 1 : 0);
    if (line > this.pendingMaxLine) this.pendingMaxLine = line;
  }

  /** Merges the lines added since the last call into file `index`. */
  endRecord(index: number): void {
    const needed = (this.pendingMaxLine >> 3) + 1;
    let offset = this.offsets[index]!;
    let size = this.sizes[index]!;
    if (offset === -1 || size < needed) {
      const grown = this.heap.allocate(needed * 2);
      if (offset !== -1) {
        this.heap.orInto(grown, offset, size);
        this.heap.orInto(grown + needed, offset + size, size);
      }
      offset = grown;
      size = needed;
      this.offsets[index] = offset;
      this.sizes[index] = size;
    }
    for (let i = 0; i < this.pendingLength; i += 1) {
      const packed = this.pending[i]!;
      const line = packed >>> 1;
      this.heap.setBit(offset, line);
      if (packed & 1) this.heap.setBit(offset + size, line);
    }
    this.pendingLength = 0;
    this.pendingMaxLine = 0;
  }

  /** [covered, total] lines of file `index`. */
  count(index: number): [number, number] {
    const offset = this.offsets[index]!;
    if (offset === -1) return [0, 0];
    const size = this.sizes[index]!;
    return [this.heap.popcount(offset + size, size), this.heap.popcount(offset, size)];
  }
}

function grow(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const next = new Int32Array(array.length * 2);
  next.set(array);
  return next;
}
