/** The parameters every route reads, with the seed's descriptions. */
import { applicationSlugs } from "@plano/schema";
import { sessionViews } from "../output/session";
import type { ParamSpecs } from "./param-spec";

export const commonParams = {
  token: {
    type: "string",
    description: "Authentication token for either an application or session. May be sent as an Authorization: Bearer header instead.",
  },
  application: {
    type: "string",
    values: applicationSlugs,
    description:
      "Slug of application being requested. This is used to determine the role being used to make the request and therefore evaluate if the requester has the correct permissions.",
  },
  session_view: {
    type: "string",
    values: sessionViews,
    default: "basic",
    description: "View of session object you would like returned: none, basic (default) or full. Sessions only: application tokens have none.",
  },
  month_first: {
    type: "boolean",
    default: false,
    description:
      "When this param is passed, date params (e.g. date_start_local, date_stop_local) passed will be read from in the format MM/DD/YYYY, and dates in the response are written that way. " +
      "This is important to the FileMaker applications as they save and send dates in this format while the web application send dates over in the SQL convention YYYY-MM-DD.",
  },
} as const satisfies ParamSpecs;
