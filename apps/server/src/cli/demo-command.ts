/**
 * `demo:setup`: what `npm start` runs after the API server is up. On a fresh
 * database it seeds offices, photographers and appointments, a scheduler
 * login and an application token; afterwards it only reports the login.
 */
import { randomBytes } from "node:crypto";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { createApplicationToken, createUser, hashPassword, verifyPassword } from "@plano/api";
import type { Db } from "@plano/db";
import { defaultDataDir } from "@plano/db/embedded";
import { seed } from "@plano/db/seed";
import type { Command } from "./commands";
import { cliEnv } from "./env";

export const DEMO_EMAIL = "scheduler@plano.local";

interface DemoLogin {
  email: string;
  password: string;
}

/**
 * The first run's login, kept in the data folder (never in git) so later starts can show it again.
 * With DATABASE_URL nothing else lives there, so the folder may not exist yet.
 */
const loginFile = () => path.join(defaultDataDir(cliEnv().PLANO_DATA_DIR), "demo-login.json");

async function saveLogin(login: DemoLogin): Promise<void> {
  await mkdir(path.dirname(loginFile()), { recursive: true });
  await writeFile(loginFile(), JSON.stringify(login satisfies DemoLogin), { mode: 0o600 });
  await chmod(loginFile(), 0o600);
}

async function savedPasswordOf(user: { passwordHash: string | null }): Promise<string | undefined> {
  const saved = await readFile(loginFile(), "utf8").then(
    (text) => JSON.parse(text) as DemoLogin,
    () => undefined,
  );
  // The file may belong to another database (DATABASE_URL changed): only a password that works is shown.
  if (saved?.password && user.passwordHash && (await verifyPassword(saved.password, user.passwordHash))) return saved.password;
  return undefined;
}

/** The demo scheduler's password is not known on this machine: give the demo account a new one, and keep it. */
async function resetDemoPassword(db: Db): Promise<string> {
  const password = randomBytes(9).toString("base64url");
  await db.user.update({ where: { email: DEMO_EMAIL }, data: { passwordHash: await hashPassword(password) } });
  await saveLogin({ email: DEMO_EMAIL, password });
  return password;
}

export const demoSetup: Command = {
  usage: "demo:setup [--appointments N]",
  options: { appointments: { type: "string" } },
  async run(db, flags) {
    const existing = await db.user.findUnique({ where: { email: DEMO_EMAIL } });
    if (existing) {
      const saved = await savedPasswordOf(existing);
      if (saved) return { created: false, email: DEMO_EMAIL, password: saved };
      return { created: false, email: DEMO_EMAIL, password: await resetDemoPassword(db), passwordReset: true };
    }
    const appointments = Number(flags.appointments ?? 1200);
    // Three weeks around today, so the dispatch board opens on a working day with a queue to place.
    const from = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() - 7));
    const counts = await seed(db, { appointments, photographersPerOffice: 4, clients: 40, from, days: 21 });
    const password = randomBytes(9).toString("base64url");
    // Saved first: if anything below fails, the next start still finds the password (or sets a new one).
    await saveLogin({ email: DEMO_EMAIL, password });
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
    return { created: true, email: DEMO_EMAIL, password, applicationToken: token, application: "planoorder", ...counts };
  },
};
