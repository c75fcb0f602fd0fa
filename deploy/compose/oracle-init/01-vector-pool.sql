-- Run once, when the database is created: HNSW indexes live in the vector pool, empty by default.
ALTER SYSTEM SET vector_memory_size = 512M SCOPE = BOTH;
