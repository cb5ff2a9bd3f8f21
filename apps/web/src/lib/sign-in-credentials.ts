import { z } from "zod";

/**
 * What the sign-in form sends. The form checks it first, to put a message next to the empty
 * field; the server checks it again, as a browser need not run the form's code.
 */
export const SignInCredentialsSchema = z.object({
  email: z.string().trim().min(1, "Enter your email address.").max(320, "Use at most 320 characters."),
  password: z.string().min(1, "Enter your password.").max(200, "Use at most 200 characters."),
});
