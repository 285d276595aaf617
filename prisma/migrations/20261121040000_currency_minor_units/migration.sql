-- Campaign amounts (budget, money KPI targets, creators' fees) were stored as hundredths of their
-- currency whatever the currency. From now on they are ISO 4217 minor units (lib/money.ts): whole
-- yen for JPY, thousandths for KWD. Rescale the campaigns in currencies whose minor unit is not
-- two decimals, so what the brand typed keeps its meaning. The lists match lib/money.ts.

CREATE TEMP TABLE "_minor_scale" ("currency" CHAR(3) PRIMARY KEY, "factor" NUMERIC NOT NULL);
INSERT INTO "_minor_scale" ("currency", "factor")
SELECT code, 0.01 FROM unnest(ARRAY['BIF','CLP','DJF','GNF','ISK','JPY','KMF','KRW','PYG','RWF','UGX','UYI','VND','VUV','XAF','XOF','XPF']) AS code
UNION ALL SELECT code, 10 FROM unnest(ARRAY['BHD','IQD','JOD','KWD','LYD','OMR','TND']) AS code
UNION ALL SELECT code, 100 FROM unnest(ARRAY['CLF','UYW']) AS code;

UPDATE "Campaign" c
   SET "budgetMinor" = LEAST(2147483647, round(c."budgetMinor" * s."factor"))::int
  FROM "_minor_scale" s
 WHERE s."currency" = c."currency" AND c."budgetMinor" IS NOT NULL;

UPDATE "CampaignKpi" k
   SET "target" = round((k."target" * s."factor")::numeric, 4)::float8
  FROM "Campaign" c JOIN "_minor_scale" s ON s."currency" = c."currency"
 WHERE k."campaignId" = c."id" AND k."target" IS NOT NULL AND k."kpi"::text IN ('revenue', 'aov', 'cpc', 'cpa');

UPDATE "CampaignCreator" t
   SET "flatFeeMinor" = LEAST(2147483647, round(t."flatFeeMinor" * s."factor"))::int,
       "giftedValueMinor" = LEAST(2147483647, round(t."giftedValueMinor" * s."factor"))::int
  FROM "Campaign" c JOIN "_minor_scale" s ON s."currency" = c."currency"
 WHERE t."campaignId" = c."id";
DROP TABLE "_minor_scale";
