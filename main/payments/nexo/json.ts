// Reading untrusted JSON without `any`: small accessors that return null for anything of the wrong shape.

export type JsonObject = Record<string, unknown>;

export function obj(value: unknown): JsonObject | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : null;
}

export function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** `o.a.b.c` as an object, or null when any step is missing or not an object. */
export function path(value: unknown, ...keys: string[]): JsonObject | null {
  let cur = obj(value);
  for (const k of keys) {
    if (!cur) return null;
    cur = obj(cur[k]);
  }
  return cur;
}

/** JSON.parse that never throws. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; detail: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    return { ok: false, detail: err instanceof Error ? err.message : String(err) };
  }
}
