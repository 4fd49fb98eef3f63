CREATE SEQUENCE "public"."logistics_bl_serial" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "logistics_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"shipment_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"verification_token" text NOT NULL,
	"content" jsonb NOT NULL,
	"sha256" text,
	"issued_at" timestamp with time zone NOT NULL,
	CONSTRAINT "logistics_documents_verification_token_unique" UNIQUE("verification_token"),
	CONSTRAINT "logistics_documents_number_version_uq" UNIQUE("number","version")
);
--> statement-breakpoint
CREATE TABLE "logistics_shipment_containers" (
	"shipment_id" uuid NOT NULL,
	"container_number" text NOT NULL,
	"size_type" text NOT NULL,
	"open" boolean DEFAULT true NOT NULL,
	CONSTRAINT "logistics_shipment_containers_shipment_id_container_number_pk" PRIMARY KEY("shipment_id","container_number")
);
--> statement-breakpoint
CREATE TABLE "logistics_shipment_legs" (
	"shipment_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"mode" text NOT NULL,
	"service_id" uuid,
	"departure_id" uuid,
	"from_call_seq" integer,
	"to_call_seq" integer,
	"from_locode" text NOT NULL,
	"to_locode" text NOT NULL,
	"planned_departure" timestamp with time zone NOT NULL,
	"planned_arrival" timestamp with time zone NOT NULL,
	"estimated_departure" timestamp with time zone,
	"estimated_arrival" timestamp with time zone,
	"actual_departure" timestamp with time zone,
	"actual_arrival" timestamp with time zone,
	"cost_fen" bigint NOT NULL,
	"co2_grams" bigint NOT NULL,
	CONSTRAINT "logistics_shipment_legs_shipment_id_seq_pk" PRIMARY KEY("shipment_id","seq")
);
--> statement-breakpoint
CREATE TABLE "logistics_shipments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"bl_number" text NOT NULL,
	"reference" text,
	"status" text DEFAULT 'booked' NOT NULL,
	"origin_locode" text NOT NULL,
	"destination_locode" text NOT NULL,
	"capacity_unit" text NOT NULL,
	"units" integer NOT NULL,
	"cargo" jsonb NOT NULL,
	"parties" jsonb NOT NULL,
	"cargo_lines" jsonb NOT NULL,
	"cost_fen" bigint NOT NULL,
	"co2_grams" bigint NOT NULL,
	"planned_departure" timestamp with time zone NOT NULL,
	"planned_arrival" timestamp with time zone NOT NULL,
	"eta" timestamp with time zone,
	"at_risk" boolean DEFAULT false NOT NULL,
	"risk" jsonb,
	"position_locode" text,
	"position_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "logistics_shipments_bl_number_unique" UNIQUE("bl_number"),
	CONSTRAINT "logistics_shipments_units_positive" CHECK ("logistics_shipments"."units" > 0)
);
--> statement-breakpoint
CREATE TABLE "logistics_tracking_events" (
	"event_id" text PRIMARY KEY NOT NULL,
	"request_hash" text NOT NULL,
	"sender_enterprise_id" uuid,
	"sender_authority_id" uuid,
	"event_type" text NOT NULL,
	"classifier" text NOT NULL,
	"code" text NOT NULL,
	"event_at" timestamp with time zone NOT NULL,
	"locode" text NOT NULL,
	"container_number" text,
	"service_code" text,
	"remark" text,
	"shipment_ids" uuid[] NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "logistics_documents" ADD CONSTRAINT "logistics_documents_shipment_id_logistics_shipments_id_fk" FOREIGN KEY ("shipment_id") REFERENCES "public"."logistics_shipments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logistics_shipment_containers" ADD CONSTRAINT "logistics_shipment_containers_shipment_id_logistics_shipments_id_fk" FOREIGN KEY ("shipment_id") REFERENCES "public"."logistics_shipments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logistics_shipment_legs" ADD CONSTRAINT "logistics_shipment_legs_shipment_id_logistics_shipments_id_fk" FOREIGN KEY ("shipment_id") REFERENCES "public"."logistics_shipments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "logistics_documents_sha_idx" ON "logistics_documents" USING btree ("sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "logistics_shipment_containers_open_uq" ON "logistics_shipment_containers" USING btree ("container_number") WHERE "logistics_shipment_containers"."open";--> statement-breakpoint
CREATE INDEX "logistics_shipment_legs_departure_idx" ON "logistics_shipment_legs" USING btree ("departure_id");--> statement-breakpoint
CREATE INDEX "logistics_shipments_enterprise_idx" ON "logistics_shipments" USING btree ("enterprise_id","created_at");--> statement-breakpoint
CREATE INDEX "logistics_tracking_events_shipments_idx" ON "logistics_tracking_events" USING gin ("shipment_ids");--> statement-breakpoint
ALTER TABLE "logistics_departures" ADD CONSTRAINT "logistics_departures_capacity_non_negative" CHECK (0 <= ALL("logistics_departures"."capacity_remaining"));