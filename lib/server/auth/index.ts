import "server-only";
export * from "./admin-factor-cookie";
export * from "./login-code";
export * from "./options";
export * from "./session";
