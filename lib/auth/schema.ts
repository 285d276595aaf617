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

export const signUpSchema = z.object({
  name: z.string().trim().max(80, "Name can be at most 80 characters").optional(),
  email: emailSchema,
  password: z
    .string({ error: "Password is required" })
    .min(PASSWORD_MIN, `Password needs at least ${PASSWORD_MIN} characters`)
    .max(200, "Password can be at most 200 characters"),
});
