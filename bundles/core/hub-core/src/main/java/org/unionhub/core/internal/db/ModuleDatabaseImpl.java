package org.unionhub.core.internal.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionhub.api.HubException;
import org.unionhub.api.db.DatabaseException;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Sql;
import org.unionhub.api.db.SqlWork;

/**
 * The database as one module sees it: pooled connections, transactions, retries of lock conflicts.
 *
 * <p>A read made while the same thread is inside a transaction on the same pool (a module's transaction asking
 * the member directory whether the caller manages an organisation) runs on that transaction's connection. Taking
 * a second connection instead deadlocks the pool in a rush: when every connection is held by a transaction that
 * waits for one more, all of them wait until the pool's timeout and members get 503. For the same reason a read
 * made inside another read on the same pool (a module's list asking the directory for an organisation's path)
 * runs on the outer read's connection. A new transaction always takes a connection of its own.
 */
public final class ModuleDatabaseImpl implements ModuleDatabase {

    private static final int ATTEMPTS = 6;
    private static final ThreadLocal<Held> HELD = new ThreadLocal<>();
    private static final Logger LOG = LoggerFactory.getLogger(ModuleDatabaseImpl.class);

    /**
     * A connection this thread holds, innermost first: a transaction's (with its after-commit actions) or a read's
     * (afterCommit null).
     */
    private record Held(DataSource dataSource, Connection connection, List<Runnable> afterCommit, Held outer) {

        boolean isTransaction() {
            return afterCommit != null;
        }

        static Held on(Held innermost, DataSource dataSource) {
            Held h = innermost;
            while (h != null && h.dataSource() != dataSource) {
                h = h.outer();
            }
            return h;
        }

        static Held transaction(Held innermost) {
            Held h = innermost;
            while (h != null && !h.isTransaction()) {
                h = h.outer();
            }
            return h;
        }
    }

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
            Held outer = HELD.get();
            List<Runnable> afterCommit = new ArrayList<>();
            T result;
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                HELD.set(new Held(dataSource, c, afterCommit, outer));
                try {
                    result = work.run(c);
                    c.commit();
                } catch (NestedFailure e) {
                    if (e.connection != c) {
                        // a read on an enclosing transaction's connection failed: that transaction decides
                        rollbackQuietly(c, e);
                        throw e;
                    }
                    rollbackQuietly(c, e.getCause());
                    throw e.getCause();
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(c, e);
                    throw e;
                } finally {
                    restore(outer);
                }
            } catch (SQLException e) {
                if (isLockConflict(e) && attempt < ATTEMPTS) {
                    backOff(attempt);
                    continue;
                }
                throw translate(e);
            }
            // once the connection is back in the pool: an action may use the database itself
            afterCommit.forEach(ModuleDatabaseImpl::runQuietly);
            return result;
        }
    }

    @Override
    public <T> T read(SqlWork<T> work) {
        Held outer = HELD.get();
        Held held = Held.on(outer, dataSource);
        if (held != null) {
            try {
                return work.run(held.connection());
            } catch (SQLException e) {
                if (held.isTransaction()) {
                    // the enclosing transaction decides: it retries a lock conflict or translates the failure
                    throw new NestedFailure(e, held.connection());
                }
                throw translate(e);
            }
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            HELD.set(new Held(dataSource, c, null, outer));
            try {
                return work.run(c);
            } finally {
                restore(outer);
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public void afterCommit(Runnable action) {
        Held transaction = Held.transaction(HELD.get());
        if (transaction == null) {
            runQuietly(action);
        } else {
            transaction.afterCommit().add(action);
        }
    }

    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.warn("an action after a commit failed; the commit stands", e);
        }
    }

    /** Derby: 40001 deadlock, 40XL1 lock timeout; PostgreSQL: 40001 serialization failure, 40P01 deadlock. */
    static boolean isLockConflict(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.equals("40001") || state.equals("40XL1") || state.equals("40P01"));
    }

    RuntimeException translate(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (Sql.isDuplicateKey(e)) {
            return HubException.conflict("the record already exists (" + e.getMessage() + ")");
        }
        if (state.startsWith("08") || isLockConflict(e)) {
            return new DatabaseException("database busy or unreachable: " + e.getMessage(), e, true);
        }
        return new DatabaseException("database error in module " + moduleId + ": " + e.getMessage(), e, false);
    }

    private static void restore(Held outer) {
        if (outer == null) {
            HELD.remove();
        } else {
            HELD.set(outer);
        }
    }

    /** Carries a nested read's SQLException out of the transaction's work to the transaction. */
    private static final class NestedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final transient Connection connection;

        NestedFailure(SQLException cause, Connection connection) {
            super(cause);
            this.connection = connection;
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
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
