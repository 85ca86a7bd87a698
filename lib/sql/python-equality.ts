// How the official evaluators' Python sees SQLite values (sqlite3 gives INTEGER -> int,
// REAL -> float, TEXT -> str, BLOB -> bytes, NULL -> None), rebuilt for the values
// better-sqlite3 returns in raw mode (number, bigint, string, null, Buffer).
//
// Two things are needed: equality (==, with a hash that agrees, for sets and multisets) and, for
// Spider's quick rejection, the sort key str(value) + str(type(value)).

/**
 * How JS numbers map to Python's int and float. "plain": integers arrive as numbers, so an
 * integral number is taken as an int (a REAL such as 2.0 cannot be told apart). "safe-integers":
 * rows were read with safeIntegers(true), so bigint is an INTEGER and every number is a REAL.
 */
export type NumberTyping = "plain" | "safe-integers";

let nanCounter = 0;

/**
 * A key that is equal for two values exactly when Python's == says they are: 1 == 1.0 (and an
 * int is compared with a float exactly), '1' != 1, None only equals None, b'a' != 'a', and a NaN
 * equals nothing (two NaN values fetched from a database are different objects in Python).
 */
export function valueKey(value: unknown): string {
  if (value === null || value === undefined) return "N";
  if (typeof value === "number") {
    if (Number.isNaN(value)) return `X${++nanCounter}`;
    return Number.isInteger(value) ? `i${BigInt(value).toString()}` : `f${String(value)}`;
  }
  if (typeof value === "bigint") return `i${value.toString()}`;
  if (typeof value === "string") return `s${value}`;
  if (value instanceof Uint8Array)
    return `b${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("hex")}`;
  if (typeof value === "boolean") return value ? "i1" : "i0";
  return `o${String(value)}`;
}

/**
 * A fresh numbering of values: two values get the same integer exactly when their valueKey is the
 * same (Python's ==), without building a key string for numbers and strings.
 */
export function valueInterner(): (value: unknown) => number {
  const numbers = new Map<number, number>(); // non-integral floats and safe integers (0 and -0 share a key)
  const strings = new Map<string, number>();
  const others = new Map<string, number>(); // large integers, blobs and the rest, by valueKey
  let next = 1; // 0 is None
  const idIn = <K>(map: Map<K, number>, key: K) => {
    let id = map.get(key);
    if (id === undefined) map.set(key, (id = next++));
    return id;
  };
  return (value) => {
    if (value === null || value === undefined) return 0;
    if (typeof value === "number") {
      if (Number.isNaN(value)) return next++;
      return !Number.isInteger(value) || Number.isSafeInteger(value)
        ? idIn(numbers, value)
        : idIn(others, valueKey(value));
    }
    if (typeof value === "string") return idIn(strings, value);
    if (typeof value === "bigint") {
      const n = Number(value);
      return Number.isSafeInteger(n) ? idIn(numbers, n) : idIn(others, valueKey(value));
    }
    if (typeof value === "boolean") return idIn(numbers, value ? 1 : 0);
    return idIn(others, valueKey(value));
  };
}

/** The Python type a value has on the official side. */
export function pythonType(
  value: unknown,
  typing: NumberTyping,
): "int" | "float" | "str" | "bytes" | "NoneType" | "bool" | "object" {
  if (value === null || value === undefined) return "NoneType";
  if (typeof value === "bigint") return "int";
  if (typeof value === "number") return typing === "plain" && Number.isInteger(value) ? "int" : "float";
  if (typeof value === "string") return "str";
  if (value instanceof Uint8Array) return "bytes";
  if (typeof value === "boolean") return "bool";
  return "object";
}

/** Python's str(value) for the value as the official side holds it. */
export function pythonStr(value: unknown, typing: NumberTyping): string {
  switch (pythonType(value, typing)) {
    case "NoneType":
      return "None";
    case "int":
      return typeof value === "bigint" ? value.toString() : BigInt(value as number).toString();
    case "float":
      return pythonFloatRepr(value as number);
    case "str":
      return value as string;
    case "bytes":
      return pythonBytesRepr(value as Uint8Array);
    case "bool":
      return value ? "True" : "False";
    default:
      return String(value);
  }
}

/** The key test-suite-sql-eval's unorder_row sorts a row's values by: str(x) + str(type(x)). */
export function pythonSortKey(value: unknown, typing: NumberTyping): string {
  return `${pythonStr(value, typing)}<class '${pythonType(value, typing)}'>`;
}

/**
 * Python's repr(float): the shortest digits that round-trip (JS finds the same digits), written
 * in scientific notation when the decimal exponent is below -4 or at least 16, else positionally
 * with at least one digit after the point ("1.0", "1e+16", "1e-05", "inf", "nan", "-0.0").
 */
export function pythonFloatRepr(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const sign = x < 0 ? "-" : "";
  const [mantissa = "", exponentText = "0"] = Math.abs(x).toExponential().split("e");
  const digits = mantissa.replace(".", "");
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}e${exponent < 0 ? "-" : "+"}${String(Math.abs(exponent)).padStart(2, "0")}`;
  }
  if (exponent < 0) return `${sign}0.${"0".repeat(-exponent - 1)}${digits}`;
  if (digits.length <= exponent + 1) return `${sign}${digits}${"0".repeat(exponent + 1 - digits.length)}.0`;
  return `${sign}${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
}

/** Python's repr(bytes): b'...' (or b"..." when only ' occurs), \t \n \r \\ and \xhh escapes. */
export function pythonBytesRepr(bytes: Uint8Array): string {
  const quote = bytes.includes(0x27) && !bytes.includes(0x22) ? 0x22 : 0x27;
  let out = "";
  for (const c of bytes) {
    if (c === quote || c === 0x5c) out += `\\${String.fromCharCode(c)}`;
    else if (c === 0x09) out += "\\t";
    else if (c === 0x0a) out += "\\n";
    else if (c === 0x0d) out += "\\r";
    else if (c < 0x20 || c >= 0x7f) out += `\\x${c.toString(16).padStart(2, "0")}`;
    else out += String.fromCharCode(c);
  }
  const q = String.fromCharCode(quote);
  return `b${q}${out}${q}`;
}

/** Python's string order (by code point), which differs from JS's UTF-16 order above U+FFFF. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xSurrogate = x >= 0xd800 && x <= 0xdfff;
    const ySurrogate = y >= 0xd800 && y <= 0xdfff;
    if (xSurrogate !== ySurrogate) return xSurrogate ? 1 : -1; // a code point above U+FFFF sorts after any other
    return x - y;
  }
  return a.length - b.length;
}
