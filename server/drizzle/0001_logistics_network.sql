CREATE TABLE "logistics_departures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"service_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"service_version" integer NOT NULL,
	"departs_at" timestamp with time zone NOT NULL,
	"capacity_remaining" integer[] NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	CONSTRAINT "logistics_departures_service_time_uq" UNIQUE("service_id","departs_at")
);
--> statement-breakpoint
CREATE TABLE "logistics_service_calls" (
	"service_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"locode" text NOT NULL,
	"arrival_offset_minutes" integer,
	"departure_offset_minutes" integer,
	"tariff_fen_per_unit_to_next" bigint NOT NULL,
	"distance_km_to_next" integer NOT NULL,
	CONSTRAINT "logistics_service_calls_service_id_seq_pk" PRIMARY KEY("service_id","seq")
);
--> statement-breakpoint
CREATE TABLE "logistics_services" (
	"id" uuid PRIMARY KEY NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"code" text NOT NULL,
	"mode" text NOT NULL,
	"emission_class" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"name_ru" text NOT NULL,
	"timezone" text NOT NULL,
	"weekdays" integer[] NOT NULL,
	"departure_local_time" text NOT NULL,
	"capacity_units" integer NOT NULL,
	"capacity_unit" text NOT NULL,
	"reefer" boolean NOT NULL,
	"dangerous_goods_classes" text[] NOT NULL,
	"currency" text DEFAULT 'CNY' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "logistics_services_code_unique" UNIQUE("code"),
	CONSTRAINT "logistics_services_capacity_positive" CHECK ("logistics_services"."capacity_units" > 0)
);
--> statement-breakpoint
CREATE TABLE "logistics_transfers" (
	"from_locode" text NOT NULL,
	"to_locode" text NOT NULL,
	"kind" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"cost_fen_per_teu" bigint NOT NULL,
	"distance_km" integer NOT NULL,
	CONSTRAINT "logistics_transfers_from_locode_to_locode_pk" PRIMARY KEY("from_locode","to_locode")
);
--> statement-breakpoint
ALTER TABLE "logistics_departures" ADD CONSTRAINT "logistics_departures_service_id_logistics_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."logistics_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logistics_service_calls" ADD CONSTRAINT "logistics_service_calls_service_id_logistics_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."logistics_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "logistics_departures_departs_idx" ON "logistics_departures" USING btree ("departs_at");--> statement-breakpoint
CREATE INDEX "logistics_services_enterprise_idx" ON "logistics_services" USING btree ("enterprise_id");