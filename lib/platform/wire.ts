/**
 * Data handed from a Pages Router page's getServerSideProps to its component (decision 0038): Next
 * requires props it can write as JSON (in development it refuses a Date), so a page's data travels
 * as one JSON string with each Date marked, and comes back as it was, Dates included. Pure.
 */
export type Wire<T> = string & { readonly __wire?: T };

const DATE_KEY = "$date";

export function toWire<T>(value: T): Wire<T> {
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
    const raw = this[key];
    return raw instanceof Date ? { [DATE_KEY]: raw.toISOString() } : v;
  }) as Wire<T>;
}

export function fromWire<T>(wire: Wire<T>): T {
  return JSON.parse(wire, (_key, v: unknown) => {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      const keys = Object.keys(v);
      if (keys.length === 1 && keys[0] === DATE_KEY && typeof (v as Record<string, unknown>)[DATE_KEY] === "string") return new Date((v as Record<string, string>)[DATE_KEY]!);
    }
    return v;
  }) as T;
}
