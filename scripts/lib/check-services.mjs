import { connect } from "node:net";

const CONNECT_TIMEOUT_MS = 3000;

/** Checks that Postgres and Redis accept TCP connections; exits with advice when they do not. */
export async function checkServices(env) {
  const services = [
    { name: "PostgreSQL", variable: "DATABASE_URL", url: new URL(env.DATABASE_URL), port: 5432 },
    { name: "Redis", variable: "REDIS_URL", url: new URL(env.REDIS_URL), port: 6379 },
  ];
  const down = [];
  for (const service of services) {
    const port = Number(service.url.port || service.port);
    if (!(await canConnect(service.url.hostname, port)))
      down.push(`${service.name} at ${service.url.hostname}:${port}`);
  }
  if (down.length === 0) return;
  console.error(
    `\n✖ Cannot reach ${down.join(" and ")}.\n` +
      "  Start them with `docker compose up -d` (see docker-compose.yml), or point\n" +
      "  DATABASE_URL / REDIS_URL at running servers, then run this command again.\n",
  );
  process.exit(1);
}

function canConnect(host, port) {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: CONNECT_TIMEOUT_MS });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once("connect", () => done(true));
    socket.once("timeout", () => done(false));
    socket.once("error", () => done(false));
  });
}
