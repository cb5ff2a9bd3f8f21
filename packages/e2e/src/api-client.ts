/** One answer from the REST API: status, headers and the decoded JSON body. */
// biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON came back and assert on it.
export type ApiResponse = { status: number; headers: Headers; body: any };

export type ApiClient = {
  request: (method: string, path: string, body?: unknown) => Promise<ApiResponse>;
  get: (path: string) => Promise<ApiResponse>;
  post: (path: string, body?: unknown) => Promise<ApiResponse>;
  put: (path: string, body?: unknown) => Promise<ApiResponse>;
};

/**
 * A tiny client for /api/v1 that sends `key` as a Bearer token (or no
 * Authorization header when it is undefined). Every raw body it receives is
 * passed to `onBody`, so a test can check that no response ever held a secret.
 */
export function createApiClient(options: {
  baseUrl: string;
  key: string | undefined;
  onBody?: (text: string) => void;
}): ApiClient {
  const request = async (method: string, path: string, body?: unknown): Promise<ApiResponse> => {
    const headers: Record<string, string> = {};
    if (options.key !== undefined) headers.authorization = `Bearer ${options.key}`;
    if (body !== undefined) headers["content-type"] = "application/json";
    const response = await fetch(`${options.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await response.text();
    options.onBody?.(text);
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Left as text; the test's assertions say what was expected instead.
    }
    return { status: response.status, headers: response.headers, body: parsed };
  };
  return {
    request,
    get: (path) => request("GET", path),
    post: (path, body) => request("POST", path, body),
    put: (path, body) => request("PUT", path, body),
  };
}
