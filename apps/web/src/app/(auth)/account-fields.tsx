import { TextField } from "@/components/ui/field";
import type { FieldErrors } from "@/server/form-state";

/** The name, email and password a new account is created with. */
export function AccountFields({ errors }: { errors: FieldErrors }) {
  return (
    <>
      <TextField id="name" label="Your name" autoComplete="name" required errors={errors.name} />
      <TextField id="email" label="Email" type="email" autoComplete="email" required errors={errors.email} />
      <TextField
        id="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters."
        errors={errors.password}
      />
    </>
  );
}
