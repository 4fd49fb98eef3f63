ALTER TABLE "bonded_lists" ADD COLUMN "declaration_id" uuid;--> statement-breakpoint
ALTER TABLE "bonded_consolidations" ADD COLUMN "declaration_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "bonded_lists_declaration_key" ON "bonded_lists" USING btree ("declaration_id");--> statement-breakpoint
CREATE INDEX "bonded_lists_consolidation_idx" ON "bonded_lists" USING btree ("consolidation_id");
