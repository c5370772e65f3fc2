/**
 * `webhook:create|list|delete`: the same subscription rules as the tRPC
 * `webhook` router (both call @plano/api's webhook functions). Private and
 * loopback receivers need WEBHOOK_ALLOWED_NETWORKS, as for the server.
 */
import { createSubscription, deleteSubscription, listSubscriptions, PlanoError, planoErrorOf, webhookOptionsFor } from "@plano/api";
import { webhookEventTypes } from "@plano/schema";
import { type Command, requireString, UsageError } from "./commands";
import { cliEnv } from "./env";

/** The API's invalid-param errors name a field; on the command line it is the flag of that name. */
async function asUsage<T>(run: () => Promise<T>, flagOf: Record<string, string>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const plano = planoErrorOf(error);
    if (plano instanceof PlanoError && (plano.reason === "invalid-param" || plano.reason === "not-found")) {
      const field = plano.details.field ?? "";
      throw new UsageError(`--${flagOf[field] ?? field}: ${plano.message.replace(/^[^:]+:\s*/, "")}`);
    }
    throw error;
  }
}

function idFlag(value: string): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0) throw new UsageError(`--id: expected a positive whole number, got "${value}"`);
  return id;
}

export const webhookCommands: Record<string, Command> = {
  "webhook:create": {
    usage: `webhook:create --url URL --event TYPE… [--office-id N] [--description TEXT] [--secret whsec_…]  (TYPE: ${webhookEventTypes.join(", ")})`,
    options: {
      url: { type: "string" },
      event: { type: "string", multiple: true },
      "office-id": { type: "string" },
      description: { type: "string" },
      secret: { type: "string" },
    },
    async run(db, flags) {
      const url = requireString(flags, "url");
      const events = (flags.event as string[] | undefined) ?? [];
      if (events.length === 0) throw new UsageError("--event is required (repeat it for several)");
      const office = flags["office-id"];
      const officeId = typeof office === "string" ? Number(office) : undefined;
      if (officeId !== undefined && !Number.isInteger(officeId)) throw new UsageError(`--office-id: expected a whole number, got "${office}"`);
      const { policy } = webhookOptionsFor({ allowedNetworks: cliEnv().WEBHOOK_ALLOWED_NETWORKS });
      return asUsage(
        () =>
          createSubscription(
            db,
            {
              url,
              events: events as never,
              officeId,
              description: typeof flags.description === "string" ? flags.description : undefined,
              secret: typeof flags.secret === "string" ? flags.secret : undefined,
            },
            policy,
            new Date(),
          ),
        { officeId: "office-id", events: "event" },
      );
    },
  },

  "webhook:list": {
    usage: "webhook:list",
    options: {},
    async run(db) {
      return { subscriptions: await listSubscriptions(db) };
    },
  },

  "webhook:delete": {
    usage: "webhook:delete --id N",
    options: { id: { type: "string" } },
    async run(db, flags) {
      const id = idFlag(requireString(flags, "id"));
      return asUsage(() => deleteSubscription(db, id), {});
    },
  },
};
