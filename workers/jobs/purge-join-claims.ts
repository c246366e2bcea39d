import { purgeJoinClaimsJob } from "@/lib/invitations/jobs";
import { purgeExpiredJoinClaims } from "@/lib/invitations/purge-join-claims";
import { handler } from "../handler";

export default handler(purgeJoinClaimsJob, () => purgeExpiredJoinClaims());
