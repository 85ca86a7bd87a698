import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { MultipartFormatError, MultipartStream, multipartBoundary } from "@/lib/api/multipart-stream";

/** The body and Content-Type a fetch client sends for this form (undici's own encoder). */
async function encoded(form: FormData): Promise<{ body: Buffer; contentType: string }> {
  const response = new Response(form);
  return {
    body: Buffer.from(await response.arrayBuffer()),
    contentType: response.headers.get("content-type")!,
  };
}

async function parse(body: Buffer, boundary: string, pieces: () => number) {
  const parts: { name: string; filename: string | null; data: Buffer }[] = [];
  const stream = new MultipartStream(boundary, (headers) => {
    const chunks: Buffer[] = [];
    return {
      write: (d) => void chunks.push(Buffer.from(d)),
      end: () =>
        void parts.push({ name: headers.name, filename: headers.filename, data: Buffer.concat(chunks) }),
    };
  });
  for (let at = 0; at < body.length;) {
    const size = pieces();
    await stream.write(body.subarray(at, at + size));
    at += size;
  }
  stream.end();
  return parts;
}

describe("MultipartStream", () => {
  it("reads back what a client encoded, whatever the pieces it arrives in, delimiter-like bytes in the file included", async () => {
    const probe = await encoded(new FormData());
    const boundary = multipartBoundary(probe.contentType)!;
    for (let round = 0; round < 20; round++) {
      // bytes that look like the start of a delimiter, cut at every length, between random bytes
      const tricky = Buffer.concat(
        Array.from({ length: 40 }, (_, i) => [
          crypto.randomBytes(i % 7),
          Buffer.from(`\r\n--${boundary}`.slice(0, i % 50)),
        ]).flat(),
      );
      const file = Buffer.concat([
        Buffer.from("SQLite format 3\u0000", "latin1"),
        tricky,
        crypto.randomBytes(5000),
      ]);
      const form = new FormData();
      form.set("file", new File([file], "bibliothèque 数据.sqlite"));
      form.set("name", "city_2");
      const { body, contentType } = await encoded(form);
      const parts = await parse(
        body,
        multipartBoundary(contentType)!,
        () => 1 + crypto.randomInt(round < 10 ? 60 : 5000),
      );
      expect(parts.map((p) => [p.name, p.filename])).toEqual([
        ["file", "bibliothèque 数据.sqlite"],
        ["name", null],
      ]);
      expect(parts[0]!.data.equals(file)).toBe(true);
      expect(parts[1]!.data.toString()).toBe("city_2");
    }
  });

  it("says so when the body stops before the closing boundary", async () => {
    const form = new FormData();
    form.set("file", new File([crypto.randomBytes(3000)], "cut.sqlite"));
    const { body, contentType } = await encoded(form);
    await expect(parse(body.subarray(0, 2000), multipartBoundary(contentType)!, () => 500)).rejects.toThrow(
      MultipartFormatError,
    );
    await expect(parse(body.subarray(0, 2000), multipartBoundary(contentType)!, () => 500)).rejects.toThrow(
      "ended before its closing boundary",
    );
  });

  it("finds the boundary of multipart/form-data only", () => {
    expect(multipartBoundary("multipart/form-data; boundary=----abc123")).toBe("----abc123");
    expect(multipartBoundary('multipart/form-data; charset=utf-8; boundary="x y"')).toBe("x y");
    expect(multipartBoundary("application/json")).toBeNull();
    expect(multipartBoundary(null)).toBeNull();
  });
});
