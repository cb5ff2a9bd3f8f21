import type { AgentClient } from "./agent-endpoint";
import { claudeCode } from "./claude-code";
import { claudeDesktop } from "./claude-desktop";
import { cursor } from "./cursor";
import { pythonSdk } from "./python-sdk";
import { typescriptSdk } from "./typescript-sdk";
import { vscode } from "./vscode";

/** The clients "Connect your agent" offers, in the order its tabs show them. */
export const AGENT_CLIENTS: readonly AgentClient[] = [
  claudeDesktop,
  claudeCode,
  cursor,
  vscode,
  typescriptSdk,
  pythonSdk,
];
