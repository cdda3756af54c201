import bcrypt from "bcryptjs";

const COST = 10;
export const hashPassword = (plain: string) => bcrypt.hash(plain, COST);
export const verifyPassword = (plain: string, hash: string) => bcrypt.compare(plain, hash);

let dummy: string | undefined;
/** Compared against when the email is unknown, so timing does not reveal which emails exist. */
export function dummyHash(): string {
  dummy ??= bcrypt.hashSync("no-such-user-password", COST);
  return dummy;
}
