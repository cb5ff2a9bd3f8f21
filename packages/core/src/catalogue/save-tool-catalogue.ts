import type { Db } from "@gatehouse/db/client";
import type { Prisma } from "@gatehouse/db/models";
import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import { hashToolDefinition } from "./tool-definition-hash";

export type CatalogueChanges = { added: string[]; changed: string[]; removed: string[]; unchanged: number };

/**
 * Stores a server's current tools: new ones are added, ones whose definition hash
 * moved are updated and stamped `changedAt`, and ones no longer offered are marked removed.
 */
export async function saveToolCatalogue(options: { db: Db; serverId: string; tools: Tool[]; now: Date }) {
  const { db, serverId, now } = options;
  const existing = await db.tool.findMany({ where: { serverId } });
  const byName = new Map(existing.map((tool) => [tool.name, tool]));
  const changes: CatalogueChanges = { added: [], changed: [], removed: [], unchanged: 0 };
  const writes: Prisma.PrismaPromise<unknown>[] = [];
  for (const tool of options.tools) {
    const definitionHash = hashToolDefinition(tool);
    const fields = {
      title: tool.title ?? null,
      description: tool.description ?? null,
      inputSchema: tool.inputSchema as Prisma.InputJsonValue,
      annotations: (tool.annotations ?? undefined) as Prisma.InputJsonValue | undefined,
      definitionHash,
      lastSeenAt: now,
      removedAt: null,
    };
    const previous = byName.get(tool.name);
    byName.delete(tool.name);
    if (!previous) {
      changes.added.push(tool.name);
      writes.push(db.tool.create({ data: { serverId, name: tool.name, firstSeenAt: now, ...fields } }));
      continue;
    }
    const isChanged = previous.definitionHash !== definitionHash;
    if (isChanged) changes.changed.push(tool.name);
    else changes.unchanged++;
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
