/**
 * `demo:setup`: what `npm start` runs after the API server is up. On a fresh
 * database it seeds offices, photographers and appointments, a scheduler
 * login and an application token; afterwards it only reports the login.
 */
import { randomBytes } from "node:crypto";
import { chmod, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { createApplicationToken, createUser } from "@plano/api";
import { defaultDataDir } from "@plano/db/embedded";
import { seed } from "@plano/db/seed";
import type { Command } from "./commands";

export const DEMO_EMAIL = "scheduler@plano.local";

interface DemoLogin {
  email: string;
  password: string;
}

/** The first run's login, kept beside the data (never in git) so later starts can show it again. */
const loginFile = () => path.join(defaultDataDir(), "demo-login.json");

export const demoSetup: Command = {
  usage: "demo:setup [--appointments N]",
  options: { appointments: { type: "string" } },
  async run(db, flags) {
    const existing = await db.user.findUnique({ where: { email: DEMO_EMAIL } });
    if (existing) {
      const saved = await readFile(loginFile(), "utf8").then((text) => JSON.parse(text) as DemoLogin, () => undefined);
      return { created: false, email: DEMO_EMAIL, password: saved?.password ?? null };
    }
    const appointments = Number(flags.appointments ?? 1200);
    // Three weeks around today, so the dispatch board opens on a working day with a queue to place.
    const from = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() - 7));
    const counts = await seed(db, { appointments, photographersPerOffice: 4, clients: 40, from, days: 21 });
    const password = randomBytes(9).toString("base64url");
    await createUser(db, {
      email: DEMO_EMAIL,
      name: "Demo Scheduler",
      password,
      employee: true,
      roles: [
        { application: "planoauth", role: "scheduler" },
        { application: "planox2", role: "scheduler" },
        { application: "planoorder", role: "scheduler" },
      ],
    });
    const { token } = await createApplicationToken(db, "planoorder", { name: "demo" });
    await writeFile(loginFile(), JSON.stringify({ email: DEMO_EMAIL, password } satisfies DemoLogin));
    await chmod(loginFile(), 0o600);
    return { created: true, email: DEMO_EMAIL, password, applicationToken: token, application: "planoorder", ...counts };
  },
};
