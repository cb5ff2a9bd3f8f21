// Runs once when the server starts (never during `next build`). NEXT_RUNTIME is set by
// Next itself, not by operators; the Node-only check lives in its own module so the
// Edge bundle never sees it.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./instrumentation-node");
}
