/**
 * `npm run cli -- <command> [flags]`: prints one JSON object on stdout; on bad
 * input, a clear message on stderr and exit code 2 (1 for other failures).
 * Works while the server runs on the embedded database (it connects to the
 * server's socket instead of opening the data directory).
 */
import { parseArgs } from "node:util";
import { startRuntime } from "../start";
import { commands, UsageError, type Flags } from "./commands";
import { cliEnv } from "./env";

function usage(): string {
  return ["Usage: npm run cli -- <command> [flags]", "", ...Object.values(commands).map((c) => `  ${c.usage}`)].join("\n");
}

async function main(argv: string[]): Promise<number> {
  const env = cliEnv();
  const [name, ...rest] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    process.stderr.write(`${name ? `Unknown command "${name}".\n\n` : ""}${usage()}\n`);
    return 2;
  }
  let flags: Flags;
  try {
    flags = parseArgs({ args: rest, options: command.options, strict: true, allowPositionals: false }).values as Flags;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\nUsage: ${command.usage}\n`);
    return 2;
  }
  // No statement time limit: an operator's bulk seed may run long statements.
  const runtime = await startRuntime(env, { poolSize: 2, statementTimeoutMs: 0 });
  try {
    const result = await command.run(runtime.db, flags);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\nUsage: ${command.usage}\n`);
      return 2;
    }
    process.stderr.write(`${name} failed: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await runtime.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
