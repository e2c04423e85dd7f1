import pg from "pg";

// One pool of 10, as the app's DATABASE_POOL_MAX default; FLOOR_DATABASE_URL is the benchmark's database.
const globalForPool = globalThis as unknown as { floorPool?: pg.Pool };
export const pool = (globalForPool.floorPool ??= new pg.Pool({ connectionString: process.env.FLOOR_DATABASE_URL, max: 10 }));
