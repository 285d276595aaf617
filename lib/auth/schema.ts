import { z } from "zod";

export const emailSchema = z
  .string({ error: "E-mail is required" })
  .trim()
  .toLowerCase()
  .min(1, "E-mail is required")
  .max(254, "E-mail is too long")
  .pipe(z.email({ error: "Enter a valid e-mail address" }));

export const PASSWORD_MIN = 10;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "Password is required" }).min(1, "Password is required").max(200, "Password is too long"),
});

export const PASSWORD_MAX = 200;

/** The password rules, as the forms show them beside the field (and the refusals say them). */
export const PASSWORD_RULES = [`At least ${PASSWORD_MIN} characters`, "Not your e-mail address", "Not one character repeated"] as const;

const passwordText = z
  .string({ error: "Password is required" })
  .min(PASSWORD_MIN, `Password needs at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `Password can be at most ${PASSWORD_MAX} characters`);

/** The rules a new password must meet beyond its length, given the account's e-mail. */
export function addPasswordIssues(ctx: z.RefinementCtx, password: string, email: string, path: string): void {
  const lower = password.trim().toLowerCase();
  const local = email.split("@")[0] ?? "";
  if (lower === email || (local.length >= 4 && lower === local)) {
    ctx.addIssue({ code: "custom", path: [path], message: "Password cannot be your e-mail address" });
  } else if (password.length > 0 && new Set(password).size === 1) {
    ctx.addIssue({ code: "custom", path: [path], message: "Password cannot be one character repeated" });
  }
}

export const signUpSchema = z
  .object({
    name: z.string().trim().max(80, "Name can be at most 80 characters").optional(),
    email: emailSchema,
    password: passwordText,
  })
  .superRefine((input, ctx) => addPasswordIssues(ctx, input.password, input.email, "password"));

/** Changing the password: the current one (when the account has one), and the new one twice. */
export const changePasswordSchema = z
  .object({
    currentPassword: z.string().max(PASSWORD_MAX, "Password is too long").optional(),
    newPassword: passwordText,
    confirmPassword: z.string({ error: "Type the new password again" }),
  })
  .superRefine((input, ctx) => {
    if (input.confirmPassword !== input.newPassword) {
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "The two new passwords are not the same" });
    }
    if (input.currentPassword && input.currentPassword === input.newPassword) {
      ctx.addIssue({ code: "custom", path: ["newPassword"], message: "Choose a password other than the current one" });
    }
  });
