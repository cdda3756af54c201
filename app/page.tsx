import { redirect } from "next/navigation";
import { HOME_BY_ROLE } from "@/lib/auth/types";
import { getSessionUser } from "./_server/auth";

export const dynamic = "force-dynamic";

export default async function Home() {
  const user = await getSessionUser();
  redirect(user ? HOME_BY_ROLE[user.role] : "/sign-in");
}
