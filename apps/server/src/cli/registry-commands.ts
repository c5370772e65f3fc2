/**
 * Switching legacy routes and services on and off (`route-not-found`,
 * `service-not-found`) and marking routes sensitive (base64 bodies). The
 * running server sees a change within a second (its registry cache).
 */
import { setRouteSwitches, setServiceDeployed } from "@plano/legacy-rest";
import { type Command, type Flags, requireString, UsageError } from "./commands";

function booleanFlag(flags: Flags, name: string): boolean | undefined {
  const value = flags[name];
  if (value === undefined) return undefined;
  if (value === "true" || value === "false") return value === "true";
  throw new UsageError(`--${name}: expected true or false, got ${JSON.stringify(value)}`);
}

/** The registry's "no such route/service" errors are the user's input at fault. */
async function asUsage<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  }
}

export const registryCommands: Record<string, Command> = {
  "route:set": {
    usage: "route:set --path /api/v1/appointments/update [--deployed true|false] [--sensitive true|false]",
    options: { path: { type: "string" }, deployed: { type: "string" }, sensitive: { type: "string" } },
    async run(db, flags) {
      const path = requireString(flags, "path");
      const switches = { deployed: booleanFlag(flags, "deployed"), sensitive: booleanFlag(flags, "sensitive") };
      if (switches.deployed === undefined && switches.sensitive === undefined) {
        throw new UsageError("give --deployed and/or --sensitive");
      }
      return asUsage(() => setRouteSwitches(db, path, switches));
    },
  },

  "service:set": {
    usage: "service:set --name appointments --deployed true|false",
    options: { name: { type: "string" }, deployed: { type: "string" } },
    async run(db, flags) {
      const name = requireString(flags, "name");
      const deployed = booleanFlag(flags, "deployed");
      if (deployed === undefined) throw new UsageError("--deployed is required (true or false)");
      return asUsage(() => setServiceDeployed(db, name, deployed));
    },
  },
};
