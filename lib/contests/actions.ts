"use server";
import { revalidatePath } from "next/cache";
import { orgAction } from "@/lib/action";
import { createContest, setScreenLink, updateContest } from "./queries";
import { contestIdSchema, createContestSchema, updateContestSchema, voidPointsSchema } from "./schemas";
import { voidPoints } from "./void-points";

export const createContestAction = orgAction(createContestSchema, "contests.write", async (tenant, input) => {
  const contest = await createContest(tenant, input);
  revalidatePath(`/${tenant.orgSlug}/contests`);
  return { id: contest.id };
});

// Once the contest has started, changed points rules are a new version from now on.
export const updateContestAction = orgAction(updateContestSchema, "contests.write", async (tenant, { id, ...input }) => {
  const result = await updateContest(tenant, id, input);
  revalidatePath(`/${tenant.orgSlug}/contests/${id}`);
  return result;
});

export const voidPointsAction = orgAction(voidPointsSchema, "contests.write", async (tenant, input) => {
  const result = await voidPoints(tenant, input);
  revalidatePath(`/${tenant.orgSlug}/contests/${input.id}`);
  return result;
});

// A new secret link for the big screen (the old one stops working), or none.
export const createScreenLinkAction = orgAction(contestIdSchema, "contests.write", async (tenant, { id }) => {
  const result = await setScreenLink(tenant, id, true);
  revalidatePath(`/${tenant.orgSlug}/contests/${id}`);
  return result;
});

export const revokeScreenLinkAction = orgAction(contestIdSchema, "contests.write", async (tenant, { id }) => {
  await setScreenLink(tenant, id, false);
  revalidatePath(`/${tenant.orgSlug}/contests/${id}`);
  return { token: null };
});
