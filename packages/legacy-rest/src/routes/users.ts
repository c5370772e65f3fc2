/** The PlanoAuth route the `client-required` status sends users to. */
import { defineRoute } from "./define";

export const clientRegisterRoute = defineRoute({
  path: "/users/client_register",
  service: "users",
  summary: "Register the session's user as a client",
  description:
    "Gives the user of the session token a client record, after which the requests that answered client-required succeed. " +
    "Needs a session token (not an application token). Registering twice changes nothing. " +
    "A sensitive route: the body is sent base64-encoded.",
  done: "The user is registered as a client.",
  sensitive: true,
  params: {},
  takesFields: false,
  responds: "client-registration",
  statuses: [],
  async run({ api }) {
    const { clientId, session } = await api.auth.registerClient();
    return { data: { client_id: clientId }, session };
  },
});
