import "next-auth";
import "next-auth/jwt";

// The session carries only who the user is; their organisation and role are read
// from the database on every request so a removed membership takes effect at once.
declare module "next-auth" {
  interface Session {
    user: { id: string; name: string; email: string };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    userId?: string;
  }
}
