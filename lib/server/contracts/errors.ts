// Typed refusals from the contract services; actions turn them into form messages.
export type ContractErrorCode = "NOT_FOUND" | "STALE" | "REFUSED";

export class ContractError extends Error {
  constructor(
    readonly code: ContractErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export const STALE_MESSAGE = "合同状态已变化，请刷新";
export const notFound = () => new ContractError("NOT_FOUND", "合同不存在");
export const stale = () => new ContractError("STALE", STALE_MESSAGE);
export const refused = (message: string, field?: string) => new ContractError("REFUSED", message, field);

/** A refusal as the action's result; anything else is a real fault and is rethrown. */
export function asResult(e: unknown): { ok: false; error: string; fieldErrors?: Record<string, string> } {
  if (e instanceof ContractError) return e.field ? { ok: false, error: e.message, fieldErrors: { [e.field]: e.message } } : { ok: false, error: e.message };
  throw e;
}
