/** The edit form's reference lists: offices (with zones) and photographers. */
import { storableText } from "@plano/schema";
import { z } from "zod";

export const officesOutput = z.array(z.object({ id: z.number().int(), name: z.string(), timeZone: z.string() }));

export const photographersInput = z
  .object({ search: storableText(100).trim().optional(), limit: z.number().int().min(1).max(500).default(200) })
  .default({ limit: 200 });

/** `email` only for staff who see every appointment (docs/permissions.md). */
export const photographersOutput = z.array(z.object({ id: z.number().int(), name: z.string(), email: z.string().optional() }));
