import { redirect } from "next/navigation";
import { getSessionContext } from "@/server/auth/session";

/** The root sends people where they can act: their servers, or the sign-in page. */
export default async function HomePage() {
  const session = await getSessionContext();
  redirect(session ? "/servers" : "/sign-in");
}
