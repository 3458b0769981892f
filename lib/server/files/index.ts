import "server-only";
export * from "./convert";
export * from "./pdf-check";
export * from "./respond";
export * from "./uploads";
