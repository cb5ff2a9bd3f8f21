import { TextField } from "@/components/ui/field";

/**
 * A grant's expiry as a date-time field, read as UTC (like every time the dashboard shows);
 * empty means the grant does not expire.
 */
export function ExpiryField(props: { defaultValue?: Date | null; errors?: string[] | undefined }) {
  return (
    <TextField
      id="expiresAt"
      label="Expires (UTC, optional)"
      type="datetime-local"
      defaultValue={props.defaultValue ? props.defaultValue.toISOString().slice(0, 16) : undefined}
      hint="After this time the grant's token is refused. Leave empty for a grant that does not expire."
      errors={props.errors}
    />
  );
}
