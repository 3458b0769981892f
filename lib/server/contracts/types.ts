import type { Contract, Party } from "@prisma/client";

/** A contract row with its parties, as the services load it. */
export type ContractWithParties = Contract & { parties: Party[] };
