import { createTRPCRouter } from "../../trpc";
import { login } from "./login.handler";
import { logout } from "./logout.handler";
import { me } from "./me.handler";
import { registerClient } from "./register-client.handler";

export const authRouter = createTRPCRouter({ login, logout, registerClient, me });
