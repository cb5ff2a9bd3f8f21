export type {
  AdminEvent,
  ApprovalRequest,
  AuditEvent,
  Grant,
  McpServer,
  Membership,
  Organization,
  Tool,
  UpstreamOAuthConnection,
  User,
  WebhookDelivery,
  WebhookEndpoint,
} from "./generated/prisma/client";
export {
  ApprovalStatus,
  Decision,
  Prisma,
  Role,
  ServerStatus,
  ServerTransport,
  UpstreamOAuthStatus,
  WebhookDeliveryStatus,
} from "./generated/prisma/client";
