import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

/** The GitHub account the fake signs everyone in as; change it between sign-ins to play someone else. */
export type FakeGitHubUser = {
  id: number;
  login: string;
  name: string;
  email: string;
  isEmailVerified: boolean;
};

export type FakeGitHub = {
  /** Use as GITHUB_URL: the API is at `<url>/api/v3`, as on GitHub Enterprise Server. */
  url: string;
  user: FakeGitHubUser;
  close: () => Promise<void>;
};

/**
 * A stand-in for GitHub's OAuth flow and the two API calls sign-in makes: authorising approves at
 * once, redirecting back with a code and the state; the code buys a token only with the right
 * client id and secret, and only that token reads the user and their emails.
 */
export async function startFakeGitHub(options: {
  clientId: string;
  clientSecret: string;
  user: FakeGitHubUser;
}): Promise<FakeGitHub> {
  const codes = new Set<string>();
  const tokens = new Set<string>();
  const fake = { user: options.user };
  const expectedAuthorization = `Basic ${Buffer.from(`${options.clientId}:${options.clientSecret}`).toString("base64")}`;

  const routes: Record<string, (request: IncomingMessage, url: URL, body: URLSearchParams) => Answer> = {
    "GET /login/oauth/authorize": (_request, url) => {
      const redirectUri = url.searchParams.get("redirect_uri");
      if (url.searchParams.get("client_id") !== options.clientId || !redirectUri) {
        return { status: 400, body: { error: "unknown client or no redirect_uri" } };
      }
      const code = randomBytes(8).toString("hex");
      codes.add(code);
      const back = new URL(redirectUri);
      back.searchParams.set("code", code);
      back.searchParams.set("state", url.searchParams.get("state") ?? "");
      return { status: 302, location: back.toString() };
    },
    "POST /login/oauth/access_token": (request, _url, body) => {
      const code = body.get("code") ?? "";
      if (request.headers.authorization !== expectedAuthorization || !codes.delete(code)) {
        return { status: 401, body: { error: "bad_verification_code" } };
      }
      const token = `gho_${randomBytes(12).toString("hex")}`;
      tokens.add(token);
      return {
        status: 200,
        body: { access_token: token, token_type: "bearer", scope: "read:user,user:email" },
      };
    },
    "GET /api/v3/user": () => {
      const { id, login, name } = fake.user;
      return { status: 200, body: { id, login, name, avatar_url: null } };
    },
    "GET /api/v3/user/emails": () => ({
      status: 200,
      body: [
        {
          email: `${fake.user.login}@users.noreply.example`,
          primary: false,
          verified: true,
          visibility: null,
        },
        { email: fake.user.email, primary: true, verified: fake.user.isEmailVerified, visibility: "private" },
      ],
    }),
  };

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://fake-github");
    const body = new URLSearchParams(await readBody(request));
    const route = routes[`${request.method} ${url.pathname}`];
    const isApi = url.pathname.startsWith("/api/");
    const token = request.headers.authorization?.replace(/^(Bearer|token) /, "") ?? "";
    if (!route) return answer(response, { status: 404, body: { message: "Not Found" } });
    if (isApi && !tokens.has(token))
      return answer(response, { status: 401, body: { message: "Bad credentials" } });
    answer(response, route(request, url, body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return Object.assign(fake, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

type Answer = { status: number; body?: unknown; location?: string };

function answer(response: ServerResponse, { status, body, location }: Answer) {
  if (location) response.setHeader("Location", location);
  if (body !== undefined) response.setHeader("Content-Type", "application/json");
  response.writeHead(status).end(body === undefined ? undefined : JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<string> {
  let text = "";
  for await (const chunk of request) text += chunk;
  return text;
}
