import { type ErrorCode, HTTP_STATUS } from "@gatehouse/core/errors/gatehouse-error";
import { z } from "zod";

/** A point in time: a Date in handlers, an ISO 8601 string in JSON (responses are encoded through it). */
export const TimestampSchema = z.codec(z.iso.datetime(), z.date(), {
  decode: (text) => new Date(text),
  encode: (date) => date.toISOString(),
});

/** Any JSON value stored as given, such as a tool's input schema. */
export const JsonValueSchema = z.unknown().meta({ description: "Any JSON value." });

/** A `{ id, name }` reference to a related resource. */
export const RefSchema = z.object({ id: z.string(), name: z.string() });

/** Who did something, as far as the organisation's members may see. */
export const PersonSchema = z.object({ name: z.string(), email: z.string() });

/** Said by every write that changes what proxies enforce. */
export const IsPropagatedSchema = z.boolean().meta({
  description:
    "False when the proxies could not be told at once (Redis unavailable); they apply the change when their cache expires.",
});

export const ErrorResponseSchema = z.object({
  error: z.object({
    code: z.enum(Object.keys(HTTP_STATUS) as [ErrorCode, ...ErrorCode[]]),
    message: z.string().meta({ description: "Safe to show to a person." }),
    fields: z
      .array(
        z.object({
          field: z
            .string()
            .meta({ description: 'Dotted path of the field, "body" or "query" for the whole.' }),
          message: z.string(),
        }),
      )
      .optional()
      .meta({
        description: "One entry per problem with a field, when the error is about the request's fields.",
      }),
  }),
});

/** The `{id}` path parameter of every single-resource route. */
export const IdParamsSchema = z.object({ id: z.string().min(1).max(100) });
