// Where sign-in may send someone afterwards: a path on this site only, percent-encoded so it can
// go in a Location header as it is. "//host", "/\host" and anything with a scheme, a backslash or
// a control character would leave the site (an open redirect) and gives "/".
const BASE = "http://sense.invalid";

export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//")) return "/";
  if (/[\\\u0000-\u001f\u007f]/.test(next)) return "/";
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE) return "/";
  // the URL parser percent-encodes what a path, query or fragment may not hold (non-ASCII, spaces)
  return `${url.pathname}${url.search}${url.hash}`;
}
