import { describe, expect, it } from "vitest";
import { signersDue, signersWithoutSignature } from "./own-file";

const P = (seq: number, status: string, isInitiator = false) => ({ seq, status, isInitiator });

describe("signersWithoutSignature", () => {
  it.each([
    [[0, 1], [{ partySeq: 0, kind: "SIGNATURE" }, { partySeq: 1, kind: "SIGNATURE" }], []],
    [[0, 1], [{ partySeq: 0, kind: "SIGNATURE" }, { partySeq: 1, kind: "DATE" }], [1]],
    [[0, 1, 2], [], [0, 1, 2]],
    [[0, 1], [{ partySeq: 0, kind: "SIGNATURE" }, { partySeq: 5, kind: "SIGNATURE" }], [1]],
  ])("%o with %o → %o", (seqs, fields, missing) => expect(signersWithoutSignature(seqs, fields)).toEqual(missing));
});

describe("signersDue", () => {
  const parties = [P(0, "SIGNED", true), P(1, "SIGNED"), P(2, "WAITING_SIGN"), P(3, "WAITING_SIGN")];
  it.each([
    ["unordered: everyone waiting to sign", parties, false, [2, 3]],
    ["ordered: only the next in seq", parties, true, [2]],
    ["ordered, seq order not array order", [P(0, "SIGNED", true), P(3, "WAITING_SIGN"), P(2, "WAITING_SIGN")], true, [2]],
    ["ordered: the next still supplying info blocks everyone", [P(0, "SIGNED", true), P(1, "WAITING_INFO"), P(2, "WAITING_SIGN")], true, []],
    ["unordered: one still supplying info does not block others", [P(0, "SIGNED", true), P(1, "WAITING_INFO"), P(2, "WAITING_SIGN")], false, [2]],
    ["everyone signed", [P(0, "SIGNED", true), P(1, "SIGNED")], true, []],
  ])("%s", (_, ps, ordered, due) => expect(signersDue(ps, ordered).map((p) => p.seq)).toEqual(due));
});
