import "server-only";
export * from "./closing";
export * from "./contact";
export * from "./open-contracts";
export * from "./profile";
export * from "./seals";
export * from "./verification";
export * from "./verified";
