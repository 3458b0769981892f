import "server-only";
export * from "./cases";
export * from "./legal";
