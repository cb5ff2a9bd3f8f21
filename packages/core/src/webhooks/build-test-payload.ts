/** The JSON body of a test sent from the dashboard, so people can check their receiver end to end. */
export function buildTestPayload(options: { deliveryId: string; now: Date }) {
  return {
    id: options.deliveryId,
    event: "webhook.test" as const,
    createdAt: options.now.toISOString(),
    message: "A test from Gatehouse: your webhook receives and can verify signed messages.",
  };
}
