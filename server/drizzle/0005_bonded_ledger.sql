CREATE SEQUENCE "public"."bonded_list_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "bonded_accounts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"book_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"balance_milli" bigint DEFAULT 0 NOT NULL,
	"floored" boolean NOT NULL,
	CONSTRAINT "bonded_accounts_floor" CHECK (NOT "bonded_accounts"."floored" OR "bonded_accounts"."balance_milli" >= 0)
);
--> statement-breakpoint
CREATE TABLE "bonded_books" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"site_code" text NOT NULL,
	"site_type" text NOT NULL,
	"batch_release_approved" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bonded_consolidations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"book_id" uuid NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"due_on" date NOT NULL,
	"status" text NOT NULL,
	"filed_at" timestamp with time zone,
	"overdue_notified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bonded_consolidations_one_year" CHECK ("bonded_consolidations"."period_to" >= "bonded_consolidations"."period_from" AND date_part('year', "bonded_consolidations"."period_from") = date_part('year', "bonded_consolidations"."period_to"))
);
--> statement-breakpoint
CREATE TABLE "bonded_gate_pass_lists" (
	"gate_pass_id" uuid NOT NULL,
	"list_id" uuid NOT NULL,
	CONSTRAINT "bonded_gate_pass_lists_gate_pass_id_list_id_pk" PRIMARY KEY("gate_pass_id","list_id")
);
--> statement-breakpoint
CREATE TABLE "bonded_gate_passes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"vehicle_plate" text NOT NULL,
	"containers" jsonb NOT NULL,
	"status" text NOT NULL,
	"passed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bonded_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"book_id" uuid NOT NULL,
	"item_no" integer NOT NULL,
	"hs_code" text NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"unit_price" numeric(24, 6) NOT NULL,
	"currency" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bonded_items_item_no" CHECK ("bonded_items"."item_no" > 0)
);
--> statement-breakpoint
CREATE TABLE "bonded_lists" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"book_id" uuid NOT NULL,
	"client_id" text NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"request_hash" text NOT NULL,
	"line_count" integer NOT NULL,
	"pending_lines" jsonb,
	"reverses_list_id" uuid,
	"pair_list_id" uuid,
	"consolidation_id" uuid,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"posted_at" timestamp with time zone,
	"decided_by" uuid
);
--> statement-breakpoint
CREATE TABLE "bonded_norms" (
	"book_id" uuid NOT NULL,
	"product_item_id" uuid NOT NULL,
	"material_item_id" uuid NOT NULL,
	"net_consumption" numeric(18, 9) NOT NULL,
	"loss_rate" numeric(10, 9) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bonded_norms_product_item_id_material_item_id_pk" PRIMARY KEY("product_item_id","material_item_id")
);
--> statement-breakpoint
CREATE TABLE "bonded_postings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"list_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"item_id" uuid NOT NULL,
	"from_account" bigint NOT NULL,
	"to_account" bigint NOT NULL,
	"quantity_milli" bigint NOT NULL,
	"posted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bonded_postings_positive" CHECK ("bonded_postings"."quantity_milli" > 0),
	CONSTRAINT "bonded_postings_two_accounts" CHECK ("bonded_postings"."from_account" <> "bonded_postings"."to_account")
);
--> statement-breakpoint
ALTER TABLE "bonded_accounts" ADD CONSTRAINT "bonded_accounts_item_id_bonded_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."bonded_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bonded_gate_pass_lists" ADD CONSTRAINT "bonded_gate_pass_lists_gate_pass_id_bonded_gate_passes_id_fk" FOREIGN KEY ("gate_pass_id") REFERENCES "public"."bonded_gate_passes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bonded_items" ADD CONSTRAINT "bonded_items_book_id_bonded_books_id_fk" FOREIGN KEY ("book_id") REFERENCES "public"."bonded_books"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bonded_accounts_item_kind_key" ON "bonded_accounts" USING btree ("item_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "bonded_books_number_key" ON "bonded_books" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "bonded_books_site_key" ON "bonded_books" USING btree ("enterprise_id","site_code");--> statement-breakpoint
CREATE UNIQUE INDEX "bonded_consolidations_number_key" ON "bonded_consolidations" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "bonded_consolidations_period_key" ON "bonded_consolidations" USING btree ("book_id","period_from");--> statement-breakpoint
CREATE INDEX "bonded_gate_pass_lists_list_idx" ON "bonded_gate_pass_lists" USING btree ("list_id");--> statement-breakpoint
CREATE UNIQUE INDEX "bonded_gate_passes_number_key" ON "bonded_gate_passes" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "bonded_items_book_item_key" ON "bonded_items" USING btree ("book_id","item_no");--> statement-breakpoint
CREATE UNIQUE INDEX "bonded_lists_client_key" ON "bonded_lists" USING btree ("enterprise_id","client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "bonded_lists_number_key" ON "bonded_lists" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "bonded_lists_reverses_key" ON "bonded_lists" USING btree ("reverses_list_id");--> statement-breakpoint
CREATE INDEX "bonded_lists_book_idx" ON "bonded_lists" USING btree ("book_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "bonded_postings_line_key" ON "bonded_postings" USING btree ("list_id","line_no");--> statement-breakpoint
CREATE INDEX "bonded_postings_item_idx" ON "bonded_postings" USING btree ("item_id","id");--> statement-breakpoint
-- Postings are append-only: a correction is a reversal list, never an edit (hand-written; drizzle-kit does not generate triggers).
CREATE FUNCTION bonded_postings_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'bonded_postings is append-only (% refused)', TG_OP USING ERRCODE = 'restrict_violation';
END;
$$;--> statement-breakpoint
CREATE TRIGGER bonded_postings_append_only BEFORE UPDATE OR DELETE ON bonded_postings
  FOR EACH ROW EXECUTE FUNCTION bonded_postings_append_only();
