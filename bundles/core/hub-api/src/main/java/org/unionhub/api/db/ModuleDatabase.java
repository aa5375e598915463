package org.unionhub.api.db;

import javax.sql.DataSource;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A module's way into the hub database. The core registers one per module bundle, with the
 * service property {@value #MODULE_PROPERTY} set to the module id, <em>after</em> the bundle's
 * migrations have been applied. A component that references it with
 * {@code target = "(unionhub.module=<id>)"} therefore never starts against an old schema, and a
 * module whose migration failed never starts at all.
 *
 * <p>A bundle declares itself a module with the manifest header {@value #MODULE_HEADER}: its value
 * is the module id; the migrations are {@code db/migration/V<n>__<description>.sql} inside the bundle.
 */
@ProviderType
public interface ModuleDatabase {

    String MODULE_HEADER = "UnionHub-Module";
    String MODULE_PROPERTY = "unionhub.module";
    String MIGRATIONS_FOLDER = "db/migration";

    String moduleId();

    DataSource dataSource();

    /**
     * Runs {@code work} in one transaction and commits it; rolls back on any exception. A deadlock or
     * lock timeout is retried a few times, so {@code work} must not have effects outside the
     * connection. {@code SQLException}s surface as {@link DatabaseException}.
     */
    <T> T inTransaction(SqlWork<T> work);

    /** Runs read-only {@code work} on a pooled connection. */
    <T> T read(SqlWork<T> work);

    /**
     * Runs {@code action} once the transaction this thread is in has committed, or at once outside a transaction; a
     * transaction that rolls back, or is retried after a lock conflict, drops what it had asked for. The way to post
     * an OSGi event about a change: a listener never hears of a change that did not happen, nor twice of one that was
     * retried. An action that fails is logged; the commit stands.
     */
    void afterCommit(Runnable action);
}
