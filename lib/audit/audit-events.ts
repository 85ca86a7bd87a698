import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EventAction, EventTargetType } from "@/lib/audit/audit-actions";

// The audit log of everything but review decisions (those are in review_actions, with
// their before/after). Every row names the person who acted and how: the UI, an API token, the CLI;
// a failed sign-in and a lockout have nobody signed in (user_id null, via ui), the system none at all.

/** Who acted: a person (their account id), or an operator at the CLI (`id: null`, named in `operator`). */
export type AuditActor = { id: string | null; via: "ui" | "api-token" | "cli"; operator?: string };
export type AuditInput = {
  action: EventAction;
  targetType: EventTargetType;
  targetId?: string | null;
  detail?: Record<string, unknown>;
};

export async function recordAuditEvent(
  actor: AuditActor | null,
  input: AuditInput,
  tx: Prisma.TransactionClient = prisma,
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      userId: actor?.id ?? null,
      via: actor?.via ?? "system",
      action: input.action,
      targetType: input.targetType,
      targetId: input.targetId ?? null,
      detailJson: JSON.stringify(
        actor?.operator ? { ...input.detail, operator: actor.operator } : (input.detail ?? {}),
      ),
    },
  });
}
