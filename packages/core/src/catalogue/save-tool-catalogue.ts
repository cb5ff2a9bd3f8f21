import type { Db } from "@gatehouse/db/client";
import type { Prisma, Tool as ToolRow } from "@gatehouse/db/models";
import { classifyTool } from "@gatehouse/risk/classify-tool";
import type { ClassifyContext, ToolDefinitionInput } from "@gatehouse/risk/types";
import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import { hashToolDefinition, type ToolDefinition } from "./tool-definition-hash";

export type CatalogueChanges = { added: string[]; changed: string[]; removed: string[]; unchanged: number };

/**
 * Stores a server's current tools. New tools are added (and accepted as they are:
 * they fall under the policy's default). A tool whose definition hash moved is
 * updated, stamped `changedAt` and its change recorded for review; its approved
 * hash stays, so the proxy blocks it until a person approves. Tools no longer
 * offered are marked removed.
 */
export async function saveToolCatalogue(options: {
  db: Db;
  orgId: string;
  serverId: string;
  tools: Tool[];
  now: Date;
}) {
  const { db, serverId, now } = options;
  const [existing, elsewhere] = await Promise.all([
    db.tool.findMany({ where: { serverId } }),
    db.tool.findMany({
      where: { serverId: { not: serverId }, removedAt: null, server: { orgId: options.orgId } },
      select: { name: true },
    }),
  ]);
  const context = {
    sameServerToolNames: options.tools.map((tool) => tool.name),
    otherToolNames: [...new Set(elsewhere.map((tool) => tool.name))],
  };
  const byName = new Map(existing.map((tool) => [tool.name, tool]));
  const changes: CatalogueChanges = { added: [], changed: [], removed: [], unchanged: 0 };
  const writes: Prisma.PrismaPromise<unknown>[] = [];
  for (const tool of options.tools) {
    const definitionHash = hashToolDefinition(tool);
    const fields = {
      ...definitionFields(tool),
      ...riskFields(tool, context),
      definitionHash,
      lastSeenAt: now,
      removedAt: null,
    };
    const previous = byName.get(tool.name);
    byName.delete(tool.name);
    if (!previous) {
      changes.added.push(tool.name);
      writes.push(
        db.tool.create({
          data: { serverId, name: tool.name, firstSeenAt: now, approvedHash: definitionHash, ...fields },
        }),
      );
      continue;
    }
    const isChanged = previous.definitionHash !== definitionHash;
    if (isChanged) {
      changes.changed.push(tool.name);
      writes.push(recordChange(db, previous, tool, now));
    } else changes.unchanged++;
    writes.push(
      db.tool.update({
        where: { id: previous.id },
        data: { ...fields, ...(isChanged ? { changedAt: now } : {}) },
      }),
    );
  }
  const gone = [...byName.values()].filter((tool) => tool.removedAt === null);
  changes.removed = gone.map((tool) => tool.name);
  if (gone.length) {
    writes.push(
      db.tool.updateMany({ where: { id: { in: gone.map((t) => t.id) } }, data: { removedAt: now } }),
    );
  }
  await db.$transaction(writes);
  return changes;
}

function definitionFields(tool: ToolDefinition) {
  return {
    title: tool.title ?? null,
    description: tool.description ?? null,
    inputSchema: tool.inputSchema as Prisma.InputJsonValue,
    annotations: (tool.annotations ?? undefined) as Prisma.InputJsonValue | undefined,
  };
}

// Classified on every sync, so a changed description is re-assessed (and re-scanned) at once.
function riskFields(tool: Tool, context: ClassifyContext) {
  const assessment = classifyTool(tool as ToolDefinitionInput, context);
  return {
    category: assessment.category,
    severity: assessment.severity,
    confidence: assessment.confidence,
    rationale: assessment.rationale,
    flags: [
      ...assessment.flags,
      ...assessment.annotationConflicts.map((conflict) => ({
        kind: "annotation_conflict",
        evidence: conflict,
        where: "annotations",
      })),
    ] as Prisma.InputJsonValue,
  };
}

function recordChange(db: Db, previous: ToolRow, tool: Tool, now: Date) {
  const before: ToolDefinition = {
    name: previous.name,
    title: previous.title ?? undefined,
    description: previous.description ?? undefined,
    inputSchema: previous.inputSchema,
    annotations: previous.annotations ?? undefined,
  };
  const after: ToolDefinition = {
    name: tool.name,
    title: tool.title,
    description: tool.description,
    inputSchema: tool.inputSchema,
    annotations: tool.annotations,
  };
  return db.toolChange.create({
    data: {
      toolId: previous.id,
      detectedAt: now,
      previousHash: previous.definitionHash,
      newHash: hashToolDefinition(tool),
      previousDefinition: JSON.parse(JSON.stringify(before)) as Prisma.InputJsonValue,
      newDefinition: JSON.parse(JSON.stringify(after)) as Prisma.InputJsonValue,
    },
  });
}
