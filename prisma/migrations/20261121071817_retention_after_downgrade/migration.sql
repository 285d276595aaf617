-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "retainedPlan" "Plan",
ADD COLUMN     "retainedPlanUntil" TIMESTAMPTZ(3);


-- Every path that changes a plan (the Stripe webhook, `npm run plan`, the seed) goes through this
-- trigger, so a downgrade or cancellation keeps the wider plan's analytics history for 7 days:
-- retention reads GREATEST(plan, retainedPlan while retainedPlanUntil is ahead). The enum's order
-- (free < single < team) is the order of the plans' history (lib/billing/plans.test.ts pins it).
CREATE FUNCTION "workspace_retained_plan"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."plan" IS DISTINCT FROM OLD."plan" THEN
    -- GREATEST ignores NULL: the old plan, or a wider one still retained from an earlier change
    NEW."retainedPlan" := GREATEST(OLD."plan", CASE WHEN OLD."retainedPlanUntil" > now() THEN OLD."retainedPlan" END);
    NEW."retainedPlanUntil" := now() + interval '7 days';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "workspace_retained_plan" BEFORE UPDATE OF "plan" ON "Workspace"
  FOR EACH ROW EXECUTE FUNCTION "workspace_retained_plan"();
