import "server-only";
import { getDb } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { signUpSchema } from "@/lib/auth/schema";
import { parseInput } from "@/lib/validation";

export async function createUserWithPassword(rawInput: unknown) {
  const input = parseInput(signUpSchema, rawInput);
  try {
    return await getDb().user.create({
      data: { email: input.email, name: input.name || null, passwordHash: await hashPassword(input.password) },
      select: { id: true, email: true },
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("conflict", "An account with this e-mail already exists — sign in instead", [
        { path: "email", message: "An account with this e-mail already exists — sign in instead" },
      ]);
    }
    throw error;
  }
}
