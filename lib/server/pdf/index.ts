import "server-only";
export * from "./ended";
export * from "./ltv";
export * from "./pades";
export * from "./render";
export * from "./seal";
export * from "./stamp";
