/** Applications, roles, permissions and the auth inputs. */
import { z } from "zod";

/** The legacy callers; the application decides the role and so the permissions. */
export const applicationSlugs = ["planoauth", "planoorder", "planox2"] as const;
export const applicationSlug = z.enum(applicationSlugs, {
  error: `expected one of ${applicationSlugs.join(", ")}`,
});
export type ApplicationSlug = z.infer<typeof applicationSlug>;

export const permissions = [
  "appointments:read",
  "appointments:write",
  "appointments:confirm",
  "appointments:cancel",
  "appointments:history",
  "notifications:read",
  "webhooks:manage",
] as const;
export type Permission = (typeof permissions)[number];

export const roleNames = ["scheduler", "viewer", "photographer", "client"] as const;
export const roleName = z.enum(roleNames);
export type RoleName = z.infer<typeof roleName>;

/**
 * Each role's permissions. Ownership limits ("their own" appointments for
 * photographers and clients) are domain rules applied on top, in the API.
 */
export const rolePermissions: Record<RoleName, readonly Permission[]> = {
  scheduler: permissions,
  viewer: ["appointments:read", "appointments:history"],
  photographer: ["appointments:read", "appointments:confirm"],
  client: ["appointments:read"],
};

export const loginInput = z.object({
  email: z.email({ error: "expected an email address" }).max(320),
  password: z.string().min(1, { error: "password is required" }).max(1000),
  rememberMe: z.boolean().default(false),
});
export type LoginInput = z.input<typeof loginInput>;

/** What a session looks like to its user (never the token hash). */
export const sessionViewSchema = z.object({
  user: z.object({ id: z.number().int(), email: z.string(), name: z.string() }),
  createdAt: z.iso.datetime({ offset: true }),
  lastUsedAt: z.iso.datetime({ offset: true }),
  rememberMe: z.boolean(),
  expiresAt: z.iso.datetime({ offset: true }).nullable(),
  roles: z.array(z.object({ application: z.string(), role: z.string() })),
});
export type SessionView = z.infer<typeof sessionViewSchema>;
