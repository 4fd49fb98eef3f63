CREATE SEQUENCE "public"."trade_declaration_serial" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "trade_exchange_rates" (
	"month" text NOT NULL,
	"currency" text NOT NULL,
	"cny_per_unit" numeric(24, 10) NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trade_exchange_rates_month_currency_pk" PRIMARY KEY("month","currency"),
	CONSTRAINT "trade_exchange_rates_positive" CHECK ("trade_exchange_rates"."cny_per_unit" > 0)
);
--> statement-breakpoint
CREATE TABLE "trade_declarant_profiles" (
	"enterprise_id" uuid PRIMARY KEY NOT NULL,
	"credit_class" text DEFAULT 'regular' NOT NULL,
	"first_declared_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trade_declaration_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"declaration_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reference" text NOT NULL,
	"issuer" text,
	"valid_until" date,
	"added_by" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trade_declaration_items" (
	"declaration_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"code" text NOT NULL,
	"description" text NOT NULL,
	"quantity" numeric(25, 10) NOT NULL,
	"unit" text NOT NULL,
	"second_quantity" numeric(25, 10),
	"second_unit" text,
	"amount" numeric(25, 10) NOT NULL,
	"origin_country" text NOT NULL,
	"certificate_of_origin" boolean DEFAULT false NOT NULL,
	"licences" jsonb NOT NULL,
	"customs_value_fen" bigint,
	CONSTRAINT "trade_declaration_items_declaration_id_seq_pk" PRIMARY KEY("declaration_id","seq")
);
--> statement-breakpoint
CREATE TABLE "trade_declaration_steps" (
	"id" uuid PRIMARY KEY NOT NULL,
	"declaration_id" uuid NOT NULL,
	"step" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_user_id" uuid,
	"actor_role" text NOT NULL,
	"note" text,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "trade_declarations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"number" text,
	"direction" text NOT NULL,
	"step" text NOT NULL,
	"status" text NOT NULL,
	"supervision_mode" text NOT NULL,
	"transport_mode" text NOT NULL,
	"trade_country" text NOT NULL,
	"currency" text NOT NULL,
	"declaration_date" date NOT NULL,
	"bl_number" text,
	"shipment_id" uuid,
	"header" jsonb NOT NULL,
	"channel" text,
	"risk" jsonb,
	"fast_lane" text,
	"target_release_at" timestamp with time zone,
	"tax_bill" jsonb,
	"customs_value_fen" bigint,
	"tax_fen" bigint,
	"payment" text DEFAULT 'none_due' NOT NULL,
	"guarantee_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	CONSTRAINT "trade_declarations_number_unique" UNIQUE("number"),
	CONSTRAINT "trade_declarations_tax_nonneg" CHECK ("trade_declarations"."tax_fen" IS NULL OR "trade_declarations"."tax_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "trade_guarantee_holds" (
	"declaration_id" uuid PRIMARY KEY NOT NULL,
	"guarantee_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"released_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "trade_guarantees" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"bank_enterprise_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	"balance_fen" bigint NOT NULL,
	"valid_until" date NOT NULL,
	"status" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trade_guarantees_number_unique" UNIQUE("number"),
	CONSTRAINT "trade_guarantees_balance" CHECK ("trade_guarantees"."balance_fen" >= 0 AND "trade_guarantees"."balance_fen" <= "trade_guarantees"."amount_fen")
);
--> statement-breakpoint
CREATE TABLE "trade_release_notes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"declaration_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"number" text NOT NULL,
	"verification_token" text NOT NULL,
	"content" jsonb NOT NULL,
	"sha256" text,
	"issued_at" timestamp with time zone NOT NULL,
	CONSTRAINT "trade_release_notes_declaration_id_unique" UNIQUE("declaration_id"),
	CONSTRAINT "trade_release_notes_verification_token_unique" UNIQUE("verification_token")
);
--> statement-breakpoint
CREATE TABLE "trade_risk_rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"direction" text NOT NULL,
	"channel" text NOT NULL,
	"params" jsonb NOT NULL,
	"active" boolean NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trade_risk_settings" (
	"id" integer PRIMARY KEY NOT NULL,
	"policy" jsonb NOT NULL,
	"seed" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trade_rulings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"description" text NOT NULL,
	"proposed_code" text,
	"candidates" jsonb NOT NULL,
	"status" text NOT NULL,
	"decided_code" text,
	"reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "trade_declaration_documents" ADD CONSTRAINT "trade_declaration_documents_declaration_id_trade_declarations_id_fk" FOREIGN KEY ("declaration_id") REFERENCES "public"."trade_declarations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_declaration_items" ADD CONSTRAINT "trade_declaration_items_declaration_id_trade_declarations_id_fk" FOREIGN KEY ("declaration_id") REFERENCES "public"."trade_declarations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_declaration_steps" ADD CONSTRAINT "trade_declaration_steps_declaration_id_trade_declarations_id_fk" FOREIGN KEY ("declaration_id") REFERENCES "public"."trade_declarations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_guarantee_holds" ADD CONSTRAINT "trade_guarantee_holds_guarantee_id_trade_guarantees_id_fk" FOREIGN KEY ("guarantee_id") REFERENCES "public"."trade_guarantees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_release_notes" ADD CONSTRAINT "trade_release_notes_declaration_id_trade_declarations_id_fk" FOREIGN KEY ("declaration_id") REFERENCES "public"."trade_declarations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "trade_declaration_documents_uq" ON "trade_declaration_documents" USING btree ("declaration_id","kind","reference");--> statement-breakpoint
CREATE INDEX "trade_declaration_items_code_idx" ON "trade_declaration_items" USING btree ("code");--> statement-breakpoint
CREATE INDEX "trade_declaration_steps_decl_idx" ON "trade_declaration_steps" USING btree ("declaration_id","at");--> statement-breakpoint
CREATE INDEX "trade_declarations_tenant_idx" ON "trade_declarations" USING btree ("enterprise_id","created_at");--> statement-breakpoint
CREATE INDEX "trade_declarations_queue_idx" ON "trade_declarations" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "trade_guarantees_tenant_idx" ON "trade_guarantees" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "trade_rulings_tenant_idx" ON "trade_rulings" USING btree ("enterprise_id","created_at");