"use server";
import { redirect } from "next/navigation";
import { userAction } from "@/lib/action";
import { createOrganizationWithOwner } from "./queries";
import { createOrganizationSchema } from "./schemas";

const create = userAction(createOrganizationSchema, (user, input) => createOrganizationWithOwner(user.id, input));

export async function createOrganizationAction(previous: unknown, form: FormData) {
  const result = await create(previous, form);
  if (result.ok) redirect(`/${result.data.slug}`);
  return result;
}
