import "server-only";
export * from "./certificates";
export * from "./inspect";
export * from "./ltv-renew";
export * from "./report";
export * from "./verify";
