/**
 * A react-hook-form resolver for a shared zod schema that is imported on the
 * form's first validation, not with the page: zod is a third of a form page's
 * first-load JavaScript, and no form is validated before the user types or submits.
 */
import type { FieldValues, Resolver } from "react-hook-form";
import type { ZodType } from "zod";

export function lazyZodResolver<Values extends FieldValues>(load: () => Promise<ZodType>): Resolver<Values> {
  let resolver: Promise<Resolver<Values>> | undefined;
  return async (values, context, options) => {
    resolver ??= Promise.all([load(), import("@hookform/resolvers/zod")]).then(
      ([schema, { zodResolver }]) => zodResolver(schema as never) as unknown as Resolver<Values>,
    );
    return (await resolver)(values, context, options);
  };
}
