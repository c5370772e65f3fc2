/** What the auth procedures answer: the session as its user sees it, never a token. */
import { applicationSlug, permissions, roleName, sessionViewSchema } from "@plano/schema";
import { z } from "zod";

export const loginOutput = z.object({ session: sessionViewSchema.nullable() });

export const logoutOutput = z.object({ ok: z.literal(true) });

export const registerClientOutput = z.object({ clientId: z.number().int(), session: sessionViewSchema.nullable() });

export const meOutput = z.object({
  kind: z.enum(["session", "application"]),
  actor: z.string(),
  application: applicationSlug,
  roles: z.array(roleName),
  permissions: z.array(z.enum(permissions)),
  session: sessionViewSchema.nullable(),
});
