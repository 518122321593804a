// A memo with a bounded size for the renderer's hot paths: it keeps what was used since the last
// time it filled up, and what was used in the generation before, and forgets everything older.
// A long session therefore holds at most twice `limit` entries, however many texts it has drawn.
export class BoundedCache<V> {
  private previous = new Map<string, V>();
  private current = new Map<string, V>();
  constructor(private readonly limit: number) {}

  get(key: string, make: (key: string) => V): V {
    let v = this.current.get(key);
    if (v !== undefined) return v;
    v = this.previous.get(key);
    if (v === undefined) v = make(key);
    if (this.current.size >= this.limit) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(key, v);
    return v;
  }

  get size(): number {
    return this.previous.size + this.current.size;
  }
}
