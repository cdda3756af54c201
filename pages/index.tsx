/**
 * The home address: signed in → the user's home; signed out → the sign-in page. Only a redirect,
 * so no page and no JavaScript (decision 0038).
 */
import type { GetServerSideProps } from "next";
import { pageCaller } from "@/app/_server/pages";
import { HOME_BY_ROLE } from "@/lib/auth/types";

export const config = { runtime: "nodejs", unstable_runtimeJS: false };

export const getServerSideProps: GetServerSideProps = async (ctx) => {
  const { user } = await pageCaller(ctx);
  return { redirect: { destination: user ? HOME_BY_ROLE[user.role] : "/sign-in", statusCode: 307 } };
};

export default function Home() {
  return null;
}
