// The in-repo echo upstream (packages/testing's minimal SDK server over Streamable HTTP), in
// its own process so serving it costs neither the proxy nor the load generator CPU time.
import { startTestUpstream } from "@gatehouse/testing/start-test-upstream";

if (!process.send) throw new Error("echo-upstream runs as a child process with an IPC channel.");
const upstream = await startTestUpstream();
process.send({ url: upstream.url });
const stop = () => void upstream.stop().finally(() => process.exit(0));
process.once("SIGTERM", stop);
process.once("disconnect", stop);
