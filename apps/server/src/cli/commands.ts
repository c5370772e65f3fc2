/**
 * Management commands. Each takes parsed flags and returns one JSON-able
 * object; bad input throws a UsageError naming the flag.
 */
import { createApplicationToken, createSession, createUser } from "@plano/api";
import type { Db } from "@plano/db";
import { seed } from "@plano/db/seed";
import { applicationSlug, roleName, type ApplicationSlug, type RoleName } from "@plano/schema";
import { z } from "zod";

import { demoSetup } from "./demo-command";
import { registryCommands } from "./registry-commands";
import { webhookCommands } from "./webhook-commands";

export class UsageError extends Error {}

export type Flags = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface Command {
  usage: string;
  options: Record<string, { type: "string" | "boolean"; multiple?: boolean }>;
  run(db: Db, flags: Flags): Promise<Record<string, unknown>>;
}

export function requireString(flags: Flags, name: string): string {
  const value = flags[name];
  if (typeof value !== "string" || value.trim() === "") throw new UsageError(`--${name} is required`);
  return value.trim();
}

function parseWith<T>(schema: z.ZodType<T>, value: unknown, flag: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new UsageError(`--${flag}: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  return parsed.data;
}

/** `APP:ROLE`, e.g. `planox2:scheduler`. */
function parseRoleGrant(value: string): { application: ApplicationSlug; role: RoleName } {
  const [application, role] = value.split(":");
  return {
    application: parseWith(applicationSlug, application, "role"),
    role: parseWith(roleName, role, "role"),
  };
}

export const commands: Record<string, Command> = {
  "user:create": {
    usage: "user:create --email E --name N --password P [--client] [--employee] [--photographer] [--liaison] [--role APP:ROLE]…",
    options: {
      email: { type: "string" },
      name: { type: "string" },
      password: { type: "string" },
      client: { type: "boolean" },
      employee: { type: "boolean" },
      photographer: { type: "boolean" },
      liaison: { type: "boolean" },
      role: { type: "string", multiple: true },
    },
    async run(db, flags) {
      const email = parseWith(z.email({ error: "expected an email address" }), requireString(flags, "email"), "email");
      const password = requireString(flags, "password");
      if (password.length < 8) throw new UsageError("--password: at least 8 characters");
      if (await db.user.findUnique({ where: { email: email.toLowerCase() } })) {
        throw new UsageError(`--email: a user with email ${email} already exists`);
      }
      const roles = ((flags.role as string[] | undefined) ?? []).map(parseRoleGrant);
      const user = await createUser(db, {
        email,
        name: requireString(flags, "name"),
        password,
        client: flags.client === true,
        employee: flags.employee === true,
        photographer: flags.photographer === true,
        liaison: flags.liaison === true,
        roles,
      });
      return {
        id: user.id,
        email: user.email,
        name: user.name,
        records: { client: Boolean(user.client), employee: Boolean(user.employee), liaison: Boolean(user.liaison) },
        roles: roles.map(({ application, role }) => `${application}:${role}`),
      };
    },
  },

  "session:create": {
    usage: "session:create --email E [--remember-me]",
    options: { email: { type: "string" }, "remember-me": { type: "boolean" } },
    async run(db, flags) {
      const email = requireString(flags, "email").toLowerCase();
      const user = await db.user.findUnique({ where: { email } });
      if (!user) throw new UsageError(`--email: no user with email ${email}`);
      const { token, session } = await createSession(db, user.id, flags["remember-me"] === true, new Date());
      return { token, userId: user.id, rememberMe: session.rememberMe, createdAt: session.createdAt.toISOString() };
    },
  },

  "app-token:create": {
    usage: "app-token:create --application SLUG [--role ROLE] [--name NAME]",
    options: { application: { type: "string" }, role: { type: "string" }, name: { type: "string" } },
    async run(db, flags) {
      const application = parseWith(applicationSlug, requireString(flags, "application"), "application");
      const role = flags.role === undefined ? undefined : parseWith(roleName, flags.role, "role");
      const name = typeof flags.name === "string" ? flags.name : undefined;
      const { token, id } = await createApplicationToken(db, application, { role, name });
      return { token, id, application, role: role ?? "scheduler" };
    },
  },

  "demo:setup": demoSetup,

  ...registryCommands,

  ...webhookCommands,

  seed: {
    usage: "seed --appointments N",
    options: { appointments: { type: "string" } },
    async run(db, flags) {
      const count = parseWith(
        z.coerce.number({ error: "expected a number" }).int("expected a whole number").min(0).max(10_000_000),
        requireString(flags, "appointments"),
        "appointments",
      );
      const started = Date.now();
      const counts = await seed(db, {
        appointments: count,
        onProgress: (done) => process.stderr.write(`\rseeded ${done}/${count}`),
      });
      if (count > 0) process.stderr.write("\n");
      return { ...counts, seconds: (Date.now() - started) / 1000 };
    },
  },
};
