import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import {
  createProvider,
  deleteProvider,
  DEMO_STRONG_PROVIDER,
  DEMO_WEAK_PROVIDER,
  listProviders,
  syncProviders,
  updateProvider,
} from "@/lib/providers/providers";
import { estimateCostUsd } from "@/lib/providers/provider-schema";
import { openSecret } from "@/lib/providers/secret-box";
import { renderModelPrompt } from "@/lib/synthesis/prompt-files";

describe("providers", () => {
  it("keep the API key on the server: views say only whether one is set, an update without a key keeps it", async () => {
    const created = await createProvider({
      name: "openai-4o",
      baseUrl: "https://api.example.test/v1",
      model: "gpt-4o",
      apiKey: "sk-secret",
      maxConcurrency: 8,
    });
    expect(created).toMatchObject({ name: "openai-4o", hasApiKey: true, maxConcurrency: 8, managedBy: "ui" });
    expect(JSON.stringify(await listProviders())).not.toContain("sk-secret");
    const updated = await updateProvider(created.id, {
      name: "openai-4o",
      baseUrl: "https://api.example.test/v1",
      model: "gpt-4o-mini",
    });
    expect(updated).toMatchObject({ model: "gpt-4o-mini", hasApiKey: true });
    const stored = (await prisma.provider.findUniqueOrThrow({ where: { id: created.id } })).apiKey!;
    expect(stored).toMatch(/^enc:v1:/); // encrypted at rest (lib/providers/secret-box.ts)
    expect(openSecret(stored)).toBe("sk-secret");
    // moving the base URL drops the key unless one comes along: it is never sent to another host
    expect(
      await updateProvider(created.id, {
        name: "openai-4o",
        baseUrl: "https://elsewhere.example.test/v1",
        model: "gpt-4o-mini",
      }),
    ).toMatchObject({ hasApiKey: false });
    expect(
      await updateProvider(created.id, {
        name: "openai-4o",
        baseUrl: "https://elsewhere.example.test/v1",
        model: "gpt-4o-mini",
        apiKey: "sk-new",
      }),
    ).toMatchObject({ hasApiKey: true });
    expect(
      await updateProvider(created.id, {
        name: "openai-4o",
        baseUrl: "https://elsewhere.example.test/v1",
        model: "gpt-4o-mini",
        apiKey: "",
      }),
    ).toMatchObject({ hasApiKey: false });
    await deleteProvider(created.id);
    expect((await listProviders()).some((p) => p.id === created.id)).toBe(false);
  });

  it("refuses bad input and a taken name, naming the field", async () => {
    await expect(createProvider({ name: "x", baseUrl: "not a url", model: "m" })).rejects.toThrow(
      "baseUrl must be a URL",
    );
    await expect(createProvider({ name: "bad name!", baseUrl: "http://h/v1", model: "m" })).rejects.toThrow(
      "name may hold",
    );
    await createProvider({ name: "twice", baseUrl: "http://h/v1", model: "m" });
    await expect(createProvider({ name: "twice", baseUrl: "http://h/v1", model: "m" })).rejects.toThrow(
      'A provider named "twice" exists already.',
    );
  });

  it("adds the local stand-in's two providers once, kept on the configured port", async () => {
    await syncProviders();
    await syncProviders();
    const demo = (await listProviders()).filter((p) => p.managedBy === "demo");
    expect(demo.map((p) => [p.name, p.model])).toEqual([
      [DEMO_STRONG_PROVIDER, "sense-demo-strong"],
      [DEMO_WEAK_PROVIDER, "sense-demo-weak"],
    ]);
    expect(demo[0]!.baseUrl).toBe("http://127.0.0.1:8787/v1");
  });

  it("estimates cost from the provider's prices per million tokens", () => {
    expect(
      estimateCostUsd({ inputPricePerMTok: 2.5, outputPricePerMTok: 10 }, 1_000_000, 500_000),
    ).toBeCloseTo(7.5);
    expect(estimateCostUsd({ inputPricePerMTok: null, outputPricePerMTok: null }, 1_000, 1_000)).toBe(0);
  });
});

describe("prompt files", () => {
  it("fill their placeholders and refuse to leave one empty", () => {
    const [system, user] = renderModelPrompt("weak-answer.v1", {
      schema: "CREATE TABLE t (a INT);",
      evidence: "",
      question: "How many rows?",
    });
    expect(system!.role).toBe("system");
    expect(user!.content).toContain("Question: How many rows?");
    expect(() => renderModelPrompt("weak-answer.v1", { schema: "", question: "q" })).toThrow(
      "Prompt weak-answer.v1 needs a value for {{evidence}}.",
    );
    expect(() => renderModelPrompt("weak-answer.v9", {})).toThrow('Unknown prompt "weak-answer.v9".');
  });
});

describe("SENSE_PROVIDERS", () => {
  it("declares providers as JSON, with the key read from the variable apiKeyEnv names", async () => {
    const { readEnvProviders } = await import("@/lib/providers/providers");
    const text = JSON.stringify([
      {
        name: "vllm-weak",
        baseUrl: "http://gpu-box.internal:8000/v1",
        model: "deepseek-coder-1.3b",
        apiKeyEnv: "VLLM_KEY",
        maxConcurrency: 32,
      },
    ]);
    expect(readEnvProviders(text, (name) => (name === "VLLM_KEY" ? "k-123" : undefined))).toEqual([
      expect.objectContaining({
        name: "vllm-weak",
        model: "deepseek-coder-1.3b",
        apiKey: "k-123",
        maxConcurrency: 32,
        temperature: 0,
      }),
    ]);
    expect(() => readEnvProviders("[{", () => undefined)).toThrow("SENSE_PROVIDERS is not valid JSON");
    expect(() => readEnvProviders('[{"name": "a", "model": "m"}]', () => undefined)).toThrow(
      "SENSE_PROVIDERS: The base URL of entry 1 is required.",
    );
    expect(readEnvProviders(undefined)).toEqual([]);
  });
});
