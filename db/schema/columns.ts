import { text, timestamp } from "drizzle-orm/pg-core";
import { createId } from "../id";

export const id = (prefix: string) =>
  text("id")
    .primaryKey()
    .$defaultFn(() => createId(prefix));

export const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).defaultNow().notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true })
    .defaultNow()
    .notNull()
    .$onUpdate(() => new Date()),
};
