/**
 * The shared schema, reading form text: each field's own rule from
 * `appointmentWritableShape`, after the input-to-API conversion of
 * form-model.ts. Its messages name the field the way the API's do
 * (`time_start_local: …`). Imported on the form's first validation
 * (lazyZodResolver), not with the page: zod is some 33 kB of its gzipped script.
 */
import { appointmentWritableShape } from "@plano/schema";
import { z } from "zod";
import { type FormValue, type WritableKey, toApiValue, writableKeys } from "./form-model";

export const appointmentFormSchema = z.object(
  Object.fromEntries(
    writableKeys.map((key) => [key, z.preprocess((value) => toApiValue(key, value as FormValue), appointmentWritableShape[key].optional())]),
  ) as unknown as { [K in WritableKey]: z.ZodType },
);
