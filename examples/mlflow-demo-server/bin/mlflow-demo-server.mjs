#!/usr/bin/env node
// Runs the TypeScript sources through tsx, so Gatehouse can register this server as a stdio
// upstream with command `node` and args [<absolute path to this file>], no build step needed.
import { register } from "tsx/esm/api";

register();
await import("../src/main.ts");
