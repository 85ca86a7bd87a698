import crypto from "node:crypto";
import os from "node:os";
import { parseArgs } from "node:util";
import { prisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { UsageError } from "@/lib/cli/usage-error";
import type { AuditActor } from "@/lib/audit/audit-events";
import { createAccount, resetPasswordAsOperator } from "@/lib/auth/accounts";
import { createApiToken } from "@/lib/auth/api-tokens";
import { passwordSchema } from "@/lib/auth/passwords";
import { roleSchema } from "@/lib/auth/roles";
import { migrateStore } from "@/lib/store/prepare-store";

// Operator commands on the store itself (whoever can run them can read the store file anyway):
// the first admin, a locked-out password, a token for a service account. No default passwords:
// a password comes on stdin or is made at random and printed once.

const USAGE =
  "usage: sense user add --email E --name N --role annotator|researcher|lead|admin [--password-stdin] | sense user list | sense user passwd --email E [--password-stdin] | sense user token --email E --name TOKEN_NAME";

async function readPassword(fromStdin: boolean): Promise<{ password: string; generated: boolean }> {
  if (!fromStdin) return { password: crypto.randomBytes(15).toString("base64url"), generated: true };
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return {
    password: passwordSchema.parse(
      Buffer.concat(chunks)
        .toString("utf8")
        .replace(/\r?\n$/, ""),
    ),
    generated: false,
  };
}

async function userByEmail(email: string | undefined) {
  if (!email) throw new UsageError("--email is required");
  const user = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!user) throw notFound(`There is no account with the email ${email}.`);
  return user;
}

// the operator has no account here; the audit log names the system user who ran the command
const operator = (): AuditActor => ({ id: null, via: "cli", operator: os.userInfo().username });

export async function runUserCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      "password-stdin": { type: "boolean" },
    },
  });
  const [sub, ...extra] = positionals;
  if (extra.length) throw new UsageError(USAGE);
  migrateStore();
  if (sub === "list") {
    for (const u of await prisma.user.findMany({ orderBy: { createdAt: "asc" } })) {
      console.log(
        `${u.email.padEnd(36)} ${u.name.padEnd(24)} ${u.role.padEnd(10)} ${u.disabledAt ? "disabled" : u.passwordHash ? "active" : "no password"}`,
      );
    }
    return 0;
  }
  if (sub === "add") {
    const role = roleSchema.safeParse(values.role);
    if (!values.email || !values.name || !role.success) throw new UsageError(USAGE);
    const { password, generated } = await readPassword(values["password-stdin"] ?? false);
    const user = await createAccount(operator(), {
      email: values.email,
      name: values.name,
      role: role.data,
      password,
    });
    console.log(
      `Made the ${user.role} account ${user.email} (${user.name}).${generated ? `\nIts password (shown once): ${password}` : ""}`,
    );
    return 0;
  }
  if (sub === "passwd") {
    if (!values.email) throw new UsageError("--email is required");
    const { password, generated } = await readPassword(values["password-stdin"] ?? false);
    const user = await resetPasswordAsOperator(operator(), values.email, password);
    console.log(
      `Set a new password for ${user.email}; its sessions ended and its API tokens were revoked.${generated ? `\nThe password (shown once): ${password}` : ""}`,
    );
    return 0;
  }
  if (sub === "token") {
    const user = await userByEmail(values.email);
    const { token } = await createApiToken({ id: user.id }, { name: values.name ?? "cli" }, operator());
    console.log(token);
    return 0;
  }
  throw new UsageError(USAGE);
}
