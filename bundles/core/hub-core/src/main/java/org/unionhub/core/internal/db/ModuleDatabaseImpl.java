package org.unionhub.core.internal.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.unionhub.api.HubException;
import org.unionhub.api.db.DatabaseException;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.SqlWork;

/** The database as one module sees it: pooled connections, transactions, retries of lock conflicts. */
public final class ModuleDatabaseImpl implements ModuleDatabase {

    private static final int ATTEMPTS = 6;

    private final String moduleId;
    private final DataSource dataSource;

    public ModuleDatabaseImpl(String moduleId, DataSource dataSource) {
        this.moduleId = moduleId;
        this.dataSource = dataSource;
    }

    @Override
    public String moduleId() {
        return moduleId;
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public <T> T inTransaction(SqlWork<T> work) {
        for (int attempt = 1;; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(c, e);
                    throw e;
                }
            } catch (SQLException e) {
                if (isLockConflict(e) && attempt < ATTEMPTS) {
                    backOff(attempt);
                    continue;
                }
                throw translate(e);
            }
        }
    }

    @Override
    public <T> T read(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            return work.run(c);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /** Derby: 40001 deadlock, 40XL1 lock timeout; PostgreSQL: 40001 serialization failure, 40P01 deadlock. */
    static boolean isLockConflict(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.equals("40001") || state.equals("40XL1") || state.equals("40P01"));
    }

    RuntimeException translate(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("23505")) {
            return HubException.conflict("the record already exists (" + e.getMessage() + ")");
        }
        if (state.startsWith("08") || isLockConflict(e)) {
            return new DatabaseException("database busy or unreachable: " + e.getMessage(), e, true);
        }
        return new DatabaseException("database error in module " + moduleId + ": " + e.getMessage(), e, false);
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException r) {
            cause.addSuppressed(r);
        }
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5L << attempt, 20L << attempt));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }
}
