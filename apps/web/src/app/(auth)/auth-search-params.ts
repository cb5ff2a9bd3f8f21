import { z } from "zod";

const DEFAULT_CALLBACK_PATH = "/servers";

// Only a path on this site, so a link cannot send someone elsewhere after they sign in ("//host"
// and "/\host" are other hosts to a browser), and never a sign-in page, which would loop.
const CallbackPathSchema = z
  .string()
  .max(2000)
  .regex(/^\/(?![/\\])/)
  .refine((path) => !/^\/sign-(in|up)(?![\w-])/.test(path))
  .catch(DEFAULT_CALLBACK_PATH);

/** The sign-in and sign-up pages' query: where to go once signed in, and next-auth's error code. */
export const AuthSearchSchema = z.object({
  callbackUrl: CallbackPathSchema,
  error: z.string().max(200).optional().catch(undefined),
});

/** `path` carrying the callback path along, so switching between sign-in and sign-up keeps it. */
export function withCallbackPath(path: string, callbackUrl: string): string {
  return callbackUrl === DEFAULT_CALLBACK_PATH ? path : `${path}?${new URLSearchParams({ callbackUrl })}`;
}
