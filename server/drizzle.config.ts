import { defineConfig } from 'drizzle-kit';

// Every module owns its tables in its own schema.ts; migrations are one ordered history.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/platform/*/schema.ts', './src/modules/*/schema.ts'],
  out: './drizzle',
});
