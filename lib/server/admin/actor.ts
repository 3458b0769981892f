import "server-only";
import type { User } from "@prisma/client";

/** Who acts in the admin area, and from where (recorded in the admin audit). */
export type AdminActor = { admin: User; ip: string };
