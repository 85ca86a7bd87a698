import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createProvider, updateProvider } from "@/lib/providers/providers";

const admin = { id: null, via: "cli" as const, operator: "test" };
const lastKeyEntry = async (id: string) => {
  const event = await prisma.auditEvent.findFirstOrThrow({
    where: { action: "provider.update", targetId: id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return (JSON.parse(event.detailJson) as { apiKey: string }).apiKey;
};

describe("the audit of a provider change", () => {
  it("says what happened to the API key: kept, dropped with a base URL change, replaced, removed, or none", async () => {
    const p = await createProvider(
      { name: "audited", baseUrl: "https://api.one.test/v1", model: "m", apiKey: "sk-one" },
      admin,
    );
    await updateProvider(p.id, { name: "audited", baseUrl: "https://api.one.test/v1", model: "m2" }, admin);
    expect(await lastKeyEntry(p.id)).toBe("kept");
    const moved = await updateProvider(
      p.id,
      { name: "audited", baseUrl: "https://api.two.test/v1", model: "m2" },
      admin,
    );
    expect(moved.hasApiKey).toBe(false);
    expect(await lastKeyEntry(p.id)).toBe("dropped (the base URL changed)");
    await updateProvider(p.id, { name: "audited", baseUrl: "https://api.two.test/v1", model: "m2" }, admin);
    expect(await lastKeyEntry(p.id)).toBe("none");
    await updateProvider(
      p.id,
      { name: "audited", baseUrl: "https://api.three.test/v1", model: "m2", apiKey: "sk-three" },
      admin,
    );
    expect(await lastKeyEntry(p.id)).toBe("replaced");
    await updateProvider(
      p.id,
      { name: "audited", baseUrl: "https://api.three.test/v1", model: "m2", apiKey: "" },
      admin,
    );
    expect(await lastKeyEntry(p.id)).toBe("removed");
  });
});
