// Gives each distinct byte string (a function name, a file path) a small integer id without
// building a JavaScript string: an open-addressing hash table over typed arrays, each entry
// checked byte by byte, so equal ids always mean equal bytes. Millions of lookups make no garbage.

export class ByteInterner {
  private bytes = new Uint8Array(64 * 1024);
  private used = 0;
  private starts = new Int32Array(1024);
  private lengths = new Int32Array(1024);
  /** slot -> id + 1 (0 = empty) */
  private table = new Int32Array(2048);
  size = 0;

  /** The id of bytes[start, end), new ids numbered 0, 1, 2, ... in order of first sight. */
  intern(source: Uint8Array, start: number, end: number): number {
    const hash = fnv1a(source, start, end);
    const mask = this.table.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot]!;
      if (entry === 0) return this.insert(source, start, end, slot);
      if (this.equals(entry - 1, source, start, end)) return entry - 1;
    }
  }

  /** The bytes of an id, e.g. to name it in a message. */
  bytesOf(id: number): Uint8Array {
    return this.bytes.subarray(this.starts[id]!, this.starts[id]! + this.lengths[id]!);
  }

  private equals(id: number, source: Uint8Array, start: number, end: number): boolean {
    const length = this.lengths[id]!;
    if (length !== end - start) return false;
    const offset = this.starts[id]!;
    for (let i = 0; i < length; i += 1) if (this.bytes[offset + i] !== source[start + i]) return false;
    return true;
  }

  private insert(source: Uint8Array, start: number, end: number, slot: number): number {
    const length = end - start;
    while (this.used + length > this.bytes.length) this.bytes = grown(this.bytes, this.bytes.length * 2);
    this.bytes.set(source.subarray(start, end), this.used);
    if (this.size === this.starts.length) {
      this.starts = grown(this.starts, this.size * 2);
      this.lengths = grown(this.lengths, this.size * 2);
    }
    const id = this.size++;
    this.starts[id] = this.used;
    this.lengths[id] = length;
    this.used += length;
    this.table[slot] = id + 1;
    if (this.size * 2 > this.table.length) this.rehash();
    return id;
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    for (let id = 0; id < this.size; id += 1) {
      const offset = this.starts[id]!;
      let slot = fnv1a(this.bytes, offset, offset + this.lengths[id]!) & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = id + 1;
    }
    this.table = table;
  }
}

function fnv1a(bytes: Uint8Array, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i += 1) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
  return hash >>> 0;
}

function grown<T extends Uint8Array<ArrayBuffer> | Int32Array<ArrayBuffer>>(array: T, length: number): T {
  const next = new (array.constructor as new (length: number) => T)(length);
  next.set(array);
  return next;
}
