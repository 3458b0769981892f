import "server-only";
export * from "./body";
