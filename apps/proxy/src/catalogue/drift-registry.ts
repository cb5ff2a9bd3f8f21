/**
 * Tools this proxy process saw the upstream describe differently from the
 * catalogue, per server. They are blocked at once, before the worker's sync has
 * recorded the change; a catalogue change notification for the server clears them.
 */
export class DriftRegistry {
  private readonly drifted = new Map<string, Set<string>>();

  mark(serverId: string, toolName: string): void {
    const tools = this.drifted.get(serverId) ?? new Set<string>();
    tools.add(toolName);
    this.drifted.set(serverId, tools);
  }

  has(serverId: string, toolName: string): boolean {
    return this.drifted.get(serverId)?.has(toolName) ?? false;
  }

  clear(serverId: string): void {
    this.drifted.delete(serverId);
  }
}
