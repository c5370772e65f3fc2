/**
 * The router's type as callers see it, spelled out in full: the inputs,
 * outputs and error shape of every procedure, and nothing of the server's
 * inside (its context holds the database client, whose types an outside
 * service neither has nor needs). Declaration emit writes the return type of
 * `publicTypes` structurally (spreads make fresh object types), so the built
 * `index.d.ts` needs only `@trpc/server`'s types. Never called: types only.
 */
import type { AppRouter as ServerRouter } from "@plano/api";
import type { TRPCBuiltRouter } from "@trpc/server";

function publicTypes() {
  const router = null as unknown as ServerRouter;
  const types = router._def._config.$types;
  return { record: { ...router._def.record }, errorShape: { ...types.errorShape }, transformer: types.transformer };
}

type PublicTypes = ReturnType<typeof publicTypes>;

export type AppRouter = TRPCBuiltRouter<
  { ctx: object; meta: object; errorShape: PublicTypes["errorShape"]; transformer: PublicTypes["transformer"] },
  PublicTypes["record"]
>;
