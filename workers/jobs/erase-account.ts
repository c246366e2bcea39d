import { eraseAccountIfDue } from "@/lib/privacy/delete-account";
import { eraseAccountJob } from "@/lib/privacy/jobs";
import { handler } from "../handler";

export default handler(eraseAccountJob, ({ userId }) => eraseAccountIfDue(userId));
