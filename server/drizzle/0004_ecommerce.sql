CREATE TABLE "ecommerce_consumer_quantities" (
	"consumer_hash" text NOT NULL,
	"year" integer NOT NULL,
	"code" text NOT NULL,
	"quantity" numeric(20, 6) NOT NULL,
	CONSTRAINT "ecommerce_consumer_quantities_consumer_hash_year_code_pk" PRIMARY KEY("consumer_hash","year","code")
);
--> statement-breakpoint
CREATE TABLE "ecommerce_consumer_years" (
	"consumer_hash" text NOT NULL,
	"year" integer NOT NULL,
	"total_fen" bigint NOT NULL,
	CONSTRAINT "ecommerce_consumer_years_consumer_hash_year_pk" PRIMARY KEY("consumer_hash","year"),
	CONSTRAINT "ecommerce_consumer_years_limit" CHECK ("ecommerce_consumer_years"."total_fen" BETWEEN 0 AND 2600000)
);
--> statement-breakpoint
CREATE TABLE "ecommerce_export_lists" (
	"list_no" text PRIMARY KEY NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"upload_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"mode" text NOT NULL,
	"code" text NOT NULL,
	"quantity" text NOT NULL,
	"unit" text NOT NULL,
	"value_fen" bigint NOT NULL,
	"destination_country" text NOT NULL,
	"warehouse" text,
	"month" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ecommerce_orders" (
	"order_no" text PRIMARY KEY NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"upload_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"mode" text NOT NULL,
	"consumer_hash" text NOT NULL,
	"consumer_masked" text NOT NULL,
	"order_date" text NOT NULL,
	"total_fen" bigint NOT NULL,
	"items" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ecommerce_payments" (
	"payment_no" text PRIMARY KEY NOT NULL,
	"order_no" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"upload_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"payer_hash" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ecommerce_lists" (
	"order_no" text PRIMARY KEY NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"mode" text NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"treatment" text,
	"consumer_hash" text NOT NULL,
	"year" integer NOT NULL,
	"value_fen" bigint NOT NULL,
	"tax_fen" bigint NOT NULL,
	"upload_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ecommerce_lists_tax_nonneg" CHECK ("ecommerce_lists"."tax_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "ecommerce_settings" (
	"id" integer PRIMARY KEY NOT NULL,
	"id_hash_key" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ecommerce_upload_errors" (
	"upload_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"seq" integer NOT NULL,
	"field" text NOT NULL,
	"code" text NOT NULL,
	CONSTRAINT "ecommerce_upload_errors_upload_id_line_no_seq_pk" PRIMARY KEY("upload_id","line_no","seq")
);
--> statement-breakpoint
CREATE TABLE "ecommerce_uploads" (
	"id" uuid PRIMARY KEY NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"format" text NOT NULL,
	"status" text NOT NULL,
	"lines_read" integer DEFAULT 0 NOT NULL,
	"lines_accepted" integer DEFAULT 0 NOT NULL,
	"lines_duplicate" integer DEFAULT 0 NOT NULL,
	"lines_rejected" integer DEFAULT 0 NOT NULL,
	"lists_released" integer DEFAULT 0 NOT NULL,
	"lists_inspection" integer DEFAULT 0 NOT NULL,
	"lists_rejected" integer DEFAULT 0 NOT NULL,
	"bytes" bigint DEFAULT 0 NOT NULL,
	"sha256" text,
	"failure" text,
	"created_by" uuid NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "ecommerce_waybills" (
	"waybill_no" text PRIMARY KEY NOT NULL,
	"order_no" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"upload_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"consignee_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "ecommerce_export_lists_month_idx" ON "ecommerce_export_lists" USING btree ("enterprise_id","month","mode");--> statement-breakpoint
CREATE INDEX "ecommerce_orders_tenant_idx" ON "ecommerce_orders" USING btree ("enterprise_id","created_at");--> statement-breakpoint
CREATE INDEX "ecommerce_payments_order_idx" ON "ecommerce_payments" USING btree ("order_no");--> statement-breakpoint
CREATE INDEX "ecommerce_lists_tenant_idx" ON "ecommerce_lists" USING btree ("enterprise_id","created_at");--> statement-breakpoint
CREATE INDEX "ecommerce_uploads_tenant_idx" ON "ecommerce_uploads" USING btree ("enterprise_id","started_at");--> statement-breakpoint
CREATE INDEX "ecommerce_waybills_order_idx" ON "ecommerce_waybills" USING btree ("order_no");