/** The longest a replaced grant token may keep working after a rotation: 7 days, in seconds. */
export const MAX_GRACE_PERIOD_SECONDS = 604_800;

/** The grace periods people are offered when rotating a token, shortest first. */
export const GRACE_PERIOD_CHOICES = [
  { seconds: 0, label: "Immediately" },
  { seconds: 3600, label: "After 1 hour" },
  { seconds: 86_400, label: "After 24 hours" },
  { seconds: MAX_GRACE_PERIOD_SECONDS, label: "After 7 days" },
] as const;
