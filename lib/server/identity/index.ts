import "server-only";
export * from "./face-check";
export { faceConfigProblems } from "./face-settings";
export * from "./intent";
export * from "./providers";
export * from "./real-name";
export * from "./sign-password";
export * from "./simulated-face";
export * from "./webauthn";
