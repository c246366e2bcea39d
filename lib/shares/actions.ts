"use server";
import { orgAction } from "@/lib/action";
import { remindToShare } from "./remind-to-share";
import { remindToShareSchema, sharePostSchema } from "./schemas";
import { sharePost } from "./share-post";

// A tap on a share button: tracked link, share recorded, the network's share URL back.
export const sharePostAction = orgAction(sharePostSchema, "shares.write", sharePost);

export const remindToShareAction = orgAction(remindToShareSchema, "shares.write", remindToShare);
