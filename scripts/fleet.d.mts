import type http from "node:http";
export function pgAdmin(url: string, sql: string): Promise<void>;
export function roundRobinProxy(port: number, targets: number[], onPick?: (port: number) => void): Promise<http.Server>;
