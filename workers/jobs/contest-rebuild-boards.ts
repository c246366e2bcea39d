import { rebuildBoardsJob } from "@/lib/contests/jobs";
import { rebuildBoards } from "@/lib/contests/rebuild";
import { handler } from "../handler";

export default handler(rebuildBoardsJob, ({ contestId }) => rebuildBoards(contestId));
