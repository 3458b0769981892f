-- AlterEnum
ALTER TYPE "PartyStatus" ADD VALUE 'CONFIRMED';
