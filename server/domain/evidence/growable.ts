// Append-only numeric columns that grow by doubling: millions of entries without per-entry objects.

export class Float64Column {
  private data = new Float64Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }

  at(index: number): number {
    return this.data[index] ?? 0;
  }
}

export class Int32Column {
  private data = new Int32Array(1024);
  length = 0;

  push(value: number): number {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length] = value;
    return this.length++;
  }

  at(index: number): number {
    return this.data[index] ?? 0;
  }

  set(index: number, value: number): void {
    this.data[index] = value;
  }
}

/** A growable byte heap holding many small bitmaps back to back. */
export class BitmapHeap {
  private data = new Uint8Array(64 * 1024);
  private used = 0;

  /** Reserves `bytes` zeroed bytes; answers their offset. */
  allocate(bytes: number): number {
    while (this.used + bytes > this.data.length) {
      const next = new Uint8Array(this.data.length * 2);
      next.set(this.data.subarray(0, this.used));
      this.data = next;
    }
    const offset = this.used;
    this.used += bytes;
    return offset;
  }

  setBit(offset: number, bit: number): void {
    const index = offset + (bit >> 3);
    this.data[index] = (this.data[index] ?? 0) | (1 << (bit & 7));
  }

  orInto(target: number, source: number, bytes: number): void {
    for (let i = 0; i < bytes; i += 1)
      this.data[target + i] = (this.data[target + i] ?? 0) | (this.data[source + i] ?? 0);
  }

  popcount(offset: number, bytes: number): number {
    let total = 0;
    for (let i = offset; i < offset + bytes; i += 1) {
      let v = this.data[i] ?? 0;
      while (v) {
        v &= v - 1;
        total += 1;
      }
    }
    return total;
  }
}
