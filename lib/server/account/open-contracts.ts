import "server-only";
import type { ContractStatus, Prisma, User } from "@prisma/client";
import { db, type Tx } from "@/lib/server/db";

// The contracts that hold up 更名 (the ones this user still has to sign) and 注销 (any in progress).

const IN_PROGRESS: ContractStatus[] = ["PENDING_INFO", "PENDING_SIGN", "PENDING_CLAIM", "RESCINDING", "SETTLING"];

/** This user's side of a contract: as initiator, as a bound signer, or named by phone and not opened yet. */
const mine = (user: User): Prisma.ContractWhereInput => ({
  OR: [{ initiatorId: user.id }, { parties: { some: { userId: user.id } } }, { parties: { some: { userId: null, phone: user.phone, isInitiator: false } } }],
});

export type OpenContract = { id: string; title: string; number: string | null; status: ContractStatus };

const select = { id: true, title: true, number: true, status: true } as const;

/** Contracts in progress (signing, claiming, or a 解除/结清 awaiting an answer). */
export function contractsInProgress(user: User, client: Tx = db()): Promise<OpenContract[]> {
  return client.contract.findMany({ where: { AND: [mine(user), { status: { in: IN_PROGRESS } }] }, select, orderBy: { createdAt: "desc" }, take: 50 });
}

/** Drafts this user started and pending contracts where this user has not signed yet: 更名 stops them. */
export function contractsAwaitingMySignature(user: User): Promise<OpenContract[]> {
  return db().contract.findMany({
    where: {
      OR: [
        { initiatorId: user.id, status: "DRAFT" },
        {
          status: { in: ["PENDING_INFO", "PENDING_SIGN", "PENDING_CLAIM"] },
          parties: { some: { status: { in: ["WAITING_INFO", "WAITING_SIGN"] }, OR: [{ userId: user.id }, { userId: null, phone: user.phone, isInitiator: false }] } },
        },
      ],
    },
    select,
    orderBy: { createdAt: "desc" },
    take: 50,
  });
}
