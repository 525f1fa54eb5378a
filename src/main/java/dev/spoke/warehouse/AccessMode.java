package dev.spoke.warehouse;

/** How spoke opens the warehouse: read-write (the default; the warehouse state store writes), or read-only. */
public enum AccessMode {
    READ_WRITE,
    /**
     * No writes: DuckDB opens the file read-only (other read-only processes may open it too); PostgreSQL sessions are
     * read-only. Use with {@code state.backend: local}.
     */
    READ_ONLY
}
