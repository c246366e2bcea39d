import { closeContest, findContestsToClose } from "@/lib/contests/close-contest";
import { contestsTickJob } from "@/lib/contests/jobs";
import { repairDrift } from "@/lib/contests/rebuild";
import { handler } from "../handler";

export default handler(contestsTickJob, async () => {
  const closed = [];
  for (const id of await findContestsToClose()) if ((await closeContest(id)).closed) closed.push(id);
  const repaired = await repairDrift();
  if (repaired.length) console.warn(`[contests] boards drifted from the ledger and were rebuilt: ${repaired.join(", ")}`);
  return { closed, repaired };
});
