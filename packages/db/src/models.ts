export type {
  AdminEvent,
  ApprovalRequest,
  AuditEvent,
  Grant,
  McpServer,
  Membership,
  Organization,
  Tool,
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
  WebhookDeliveryStatus,
} from "./generated/prisma/client";
