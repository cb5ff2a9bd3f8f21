import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { getAuthOptions } from "@/server/auth/auth-options";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// The options are built per request (once, then cached) so importing this route during
// `next build` does not need the runtime secrets.
function handler(request: NextRequest, context: RouteContext): Promise<Response> {
  return NextAuth(request, context, getAuthOptions());
}

export { handler as GET, handler as POST };
