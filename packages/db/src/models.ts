export type {
  AuditEvent,
  Grant,
  McpServer,
  Membership,
  Organization,
  Tool,
  User,
} from "./generated/prisma/client";
export { Decision, Prisma, Role, ServerStatus, ServerTransport } from "./generated/prisma/client";
