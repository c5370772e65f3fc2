import type { IncomingMessage, ServerResponse } from "node:http";
import type { AppointmentMailer } from "@plano/api";
import type { Db } from "@plano/db";
import { legacyStatuses } from "@plano/schema";

export interface LegacyHandlerOptions {
  db: Db;
  mailer?: AppointmentMailer;
  clock?: () => Date;
}

/** Routes are added by the legacy REST work; until then every path is unknown. */
export function createLegacyHandler(_options: LegacyHandlerOptions) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const status = "route-non-existent";
    res.writeHead(legacyStatuses[status].http, { "content-type": "application/json" });
    res.end(JSON.stringify({ status, message: `No route ${req.url ?? ""}.`, warnings: [] }));
  };
}
