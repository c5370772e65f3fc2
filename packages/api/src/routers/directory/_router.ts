/** Reference lists the edit form needs: offices (with zones) and photographers. */
import { createTRPCRouter } from "../../trpc";
import { offices } from "./offices.handler";
import { photographers } from "./photographers.handler";

export const directoryRouter = createTRPCRouter({ offices, photographers });
