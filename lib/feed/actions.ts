"use server";
import { orgAction } from "@/lib/action";
import { findFeedPage } from "./queries";
import { loadFeedPageSchema } from "./schemas";

// "Load more" at the bottom of the feed, by button or by scrolling.
export const loadFeedPageAction = orgAction(loadFeedPageSchema, "feed.read", (tenant, input) => findFeedPage(tenant, input));
