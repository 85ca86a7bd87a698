/** A path segment decoded once more (names with spaces or slashes are linked encoded), or null when it is not valid percent-encoding. */
export function decodedSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
