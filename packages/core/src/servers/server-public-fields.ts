/** The server columns safe to show anyone in the organisation: never the sealed headers or env. */
export const SERVER_PUBLIC_FIELDS = {
  id: true,
  name: true,
  transport: true,
  url: true,
  command: true,
  status: true,
  lastError: true,
  discoveredAt: true,
  createdAt: true,
} as const;
