import { redirect } from "next/navigation";
import { findMembershipsOfUser } from "@/lib/auth/queries";
import { requireUser } from "@/lib/auth/session";

export default async function Home() {
  const user = await requireUser();
  const orgs = await findMembershipsOfUser(user.id);
  redirect(orgs.length > 0 ? `/${orgs[0].slug}` : "/onboarding");
}
