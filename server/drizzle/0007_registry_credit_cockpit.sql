CREATE TABLE "cockpit_bonded_stats" (
	"month" text NOT NULL,
	"kind" text NOT NULL,
	"lists" integer NOT NULL,
	"lines" integer NOT NULL,
	"quantity_milli" bigint NOT NULL,
	CONSTRAINT "cockpit_bonded_stats_month_kind_pk" PRIMARY KEY("month","kind")
);
--> statement-breakpoint
CREATE TABLE "cockpit_clearance_histogram" (
	"month" text NOT NULL,
	"channel" text NOT NULL,
	"bucket" smallint NOT NULL,
	"declarations" integer NOT NULL,
	CONSTRAINT "cockpit_clearance_histogram_month_channel_bucket_pk" PRIMARY KEY("month","channel","bucket")
);
--> statement-breakpoint
CREATE TABLE "cockpit_declaration_contributions" (
	"declaration_id" uuid PRIMARY KEY NOT NULL,
	"declaration_date" text,
	"month" text,
	"trade_country" text,
	"direction" text,
	"channel" text,
	"value_fen" bigint DEFAULT 0 NOT NULL,
	"clearance_bucket" smallint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cockpit_declaration_stats" (
	"month" text NOT NULL,
	"trade_country" text NOT NULL,
	"direction" text NOT NULL,
	"channel" text NOT NULL,
	"declarations" integer NOT NULL,
	"value_fen" bigint NOT NULL,
	"released" integer NOT NULL,
	CONSTRAINT "cockpit_declaration_stats_month_trade_country_direction_channel_pk" PRIMARY KEY("month","trade_country","direction","channel")
);
--> statement-breakpoint
CREATE TABLE "cockpit_enterprises" (
	"enterprise_id" uuid PRIMARY KEY NOT NULL,
	"country_code" text,
	"activated_month" text,
	"grade" text,
	"grade_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "cockpit_indicator_values" (
	"id" uuid PRIMARY KEY NOT NULL,
	"indicator_code" text NOT NULL,
	"value" text NOT NULL,
	"as_of" date NOT NULL,
	"source" text NOT NULL,
	"entered_by" uuid NOT NULL,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cockpit_indicator_values_source" CHECK (length("cockpit_indicator_values"."source") > 0)
);
--> statement-breakpoint
CREATE TABLE "cockpit_measures" (
	"no" integer PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"due_date" date,
	"evidence" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cockpit_measure_tasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"measure_no" integer NOT NULL,
	"title" text NOT NULL,
	"department" text NOT NULL,
	"due_date" date,
	"status" text DEFAULT 'not_started' NOT NULL,
	"evidence" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cockpit_processed_events" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"processed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cockpit_shipment_contributions" (
	"shipment_id" uuid PRIMARY KEY NOT NULL,
	"month" text,
	"mode" text,
	"direction" text,
	"teu" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cockpit_shipment_stats" (
	"month" text NOT NULL,
	"mode" text NOT NULL,
	"direction" text NOT NULL,
	"shipments" integer NOT NULL,
	"teu" integer NOT NULL,
	CONSTRAINT "cockpit_shipment_stats_month_mode_direction_pk" PRIMARY KEY("month","mode","direction")
);
--> statement-breakpoint
CREATE TABLE "credit_facts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"source_event_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject_id" text,
	"subject_ref" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"repaired_at" timestamp with time zone,
	"repair_id" uuid
);
--> statement-breakpoint
CREATE TABLE "credit_grade_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"score" integer NOT NULL,
	"grade" text NOT NULL,
	"previous_grade" text,
	"factors" jsonb NOT NULL,
	"cause" text NOT NULL,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_repairs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"fact_ids" uuid[] NOT NULL,
	"evidence" text NOT NULL,
	"references" text[] NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"filed_by" uuid NOT NULL,
	"filed_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text
);
--> statement-breakpoint
CREATE TABLE "credit_scores" (
	"enterprise_id" uuid PRIMARY KEY NOT NULL,
	"score" integer NOT NULL,
	"grade" text NOT NULL,
	"factors" jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "credit_scores_bounds" CHECK ("credit_scores"."score" BETWEEN 0 AND 100)
);
--> statement-breakpoint
CREATE TABLE "registry_applications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"uscc" text NOT NULL,
	"uscc_check_ok" boolean NOT NULL,
	"customs_code" text,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"name_ru" text NOT NULL,
	"country_code" text NOT NULL,
	"city" text,
	"kinds" text[] NOT NULL,
	"bonded_sites" text[] NOT NULL,
	"profile" jsonb NOT NULL,
	"customs_credit_tier" text NOT NULL,
	"aeo_mra_countries" text[] NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"submitted_by" uuid NOT NULL,
	"submitter_enterprise_id" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"uscc_warning_confirmed" boolean DEFAULT false NOT NULL,
	"enterprise_id" uuid,
	CONSTRAINT "registry_applications_uscc_len" CHECK (char_length("registry_applications"."uscc") = 18)
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "enterprise_admin" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "uscc_check_ok" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "customs_credit_tier" text DEFAULT 'regular' NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "aeo_mra_countries" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "bonded_sites" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "profile" jsonb DEFAULT '{"products":[],"markets":[],"certifications":[]}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "activated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "trade_declarant_profiles" ADD COLUMN "public_grade" text;--> statement-breakpoint
ALTER TABLE "trade_declarant_profiles" ADD COLUMN "public_grade_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "cockpit_declaration_contributions_country_idx" ON "cockpit_declaration_contributions" USING btree ("trade_country","declaration_date");--> statement-breakpoint
CREATE INDEX "cockpit_declaration_contributions_date_idx" ON "cockpit_declaration_contributions" USING btree ("declaration_date");--> statement-breakpoint
CREATE INDEX "cockpit_enterprises_month_idx" ON "cockpit_enterprises" USING btree ("activated_month");--> statement-breakpoint
CREATE INDEX "cockpit_indicator_values_code_idx" ON "cockpit_indicator_values" USING btree ("indicator_code","as_of");--> statement-breakpoint
CREATE INDEX "cockpit_measure_tasks_measure_idx" ON "cockpit_measure_tasks" USING btree ("measure_no","created_at");--> statement-breakpoint
CREATE INDEX "cockpit_processed_events_at_idx" ON "cockpit_processed_events" USING btree ("processed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_facts_source_event" ON "credit_facts" USING btree ("source_event_id");--> statement-breakpoint
CREATE INDEX "credit_facts_counting" ON "credit_facts" USING btree ("enterprise_id","kind") WHERE "credit_facts"."repaired_at" IS NULL;--> statement-breakpoint
CREATE INDEX "credit_facts_subject" ON "credit_facts" USING btree ("enterprise_id","subject_id");--> statement-breakpoint
CREATE INDEX "credit_grade_history_enterprise" ON "credit_grade_history" USING btree ("enterprise_id","id");--> statement-breakpoint
CREATE INDEX "credit_repairs_enterprise" ON "credit_repairs" USING btree ("enterprise_id","filed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "registry_applications_pending_uscc" ON "registry_applications" USING btree ("uscc") WHERE "registry_applications"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "registry_applications_status" ON "registry_applications" USING btree ("status","submitted_at");--> statement-breakpoint
-- hand-written below
-- Enterprises active before this migration count as activated when they were created.
UPDATE "enterprises" SET "activated_at" = "created_at" WHERE "status" = 'active';--> statement-breakpoint
-- Grade history is append-only: a wrong grade is corrected by a new entry (a repair), never by an edit.
CREATE FUNCTION credit_grade_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'credit_grade_history is append-only (% refused)', TG_OP USING ERRCODE = 'restrict_violation';
END;
$$;--> statement-breakpoint
CREATE TRIGGER credit_grade_history_append_only BEFORE UPDATE OR DELETE ON credit_grade_history
  FOR EACH ROW EXECUTE FUNCTION credit_grade_history_append_only();
