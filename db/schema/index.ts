export * from "./enums";
export * from "./auth";
export * from "./organizations";
export * from "./campaigns";
export * from "./notifications";
export * from "./links";
export * from "./invites";
export * from "./imports";
