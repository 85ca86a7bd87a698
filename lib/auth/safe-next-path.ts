// Where sign-in may send someone afterwards: a path on this site only. "//host", "/\host" and
// anything with a scheme, a backslash or a control character would leave it (an open redirect).
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//")) return "/";
  if (/[\\\u0000-\u001f\u007f]/.test(next)) return "/";
  return next;
}
