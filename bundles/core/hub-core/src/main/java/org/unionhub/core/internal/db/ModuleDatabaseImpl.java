package org.unionhub.core.internal.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

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
 *
 * <p>Every module shares one pool, and each may hold only its share of it: a rush on one module (a fairs coupon
 * batch, or the backlog a fairs update released) would otherwise take every connection, and the other modules'
 * members would wait for the pool as if the hub were down. A thread counts once against its module's share however
 * deeply its work nests.
 */
public final class ModuleDatabaseImpl implements ModuleDatabase {

    private static final int ATTEMPTS = 6;
    private static final ThreadLocal<Held> HELD = new ThreadLocal<>();
    private static final Logger LOG = LoggerFactory.getLogger(ModuleDatabaseImpl.class);

    /**
     * A connection this thread holds, innermost first: a transaction's (with its after-commit actions) or a read's
     * (afterCommit null).
     */
    private record Held(DataSource dataSource, Connection connection, List<Runnable> afterCommit, Semaphore share,
            Held outer) {

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

        static boolean holds(Held innermost, Semaphore share) {
            for (Held h = innermost; h != null; h = h.outer()) {
                if (h.share() == share) {
                    return true;
                }
            }
            return false;
        }

        static Held transaction(Held innermost) {
            Held h = innermost;
            while (h != null && !h.isTransaction()) {
                h = h.outer();
            }
            return h;
        }
    }

    /** Gives back a share of the pool once the connection is closed; nothing to give back when none was taken. */
    private interface Taken extends AutoCloseable {
        @Override
        void close();
    }

    private static final Taken NOTHING = () -> { };

    private final String moduleId;
    private final DataSource dataSource;
    private final Semaphore share;
    private final int maxConnections;
    private final long waitMs;

    /** A module with no limit of its own: it may take the whole pool. */
    public ModuleDatabaseImpl(String moduleId, DataSource dataSource) {
        this(moduleId, dataSource, 0, 0);
    }

    /**
     * A module whose threads hold at most {@code maxConnections} of the pool at once (0: no limit); a thread waits
     * up to {@code waitMs} for its turn and then gets a busy {@link DatabaseException}, as it would from the pool.
     */
    public ModuleDatabaseImpl(String moduleId, DataSource dataSource, int maxConnections, long waitMs) {
        this.moduleId = moduleId;
        this.dataSource = dataSource;
        this.maxConnections = maxConnections;
        this.share = maxConnections > 0 ? new Semaphore(maxConnections, true) : null;
        this.waitMs = waitMs;
    }

    /** What one module may hold of a pool of {@code poolSize}: half, so that a rush on one leaves the rest room. */
    public static int shareOf(int poolSize) {
        return poolSize >= 4 ? poolSize / 2 : 0;
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
            try (Taken taken = takeShare(outer); Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                HELD.set(new Held(dataSource, c, afterCommit, share, outer));
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
        try (Taken taken = takeShare(outer); Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            HELD.set(new Held(dataSource, c, null, share, outer));
            try {
                return work.run(c);
            } finally {
                restore(outer);
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    private Taken takeShare(Held outer) throws SQLException {
        if (share == null || Held.holds(outer, share)) {
            // a nested transaction of the same module waiting for a second share could wait for itself
            return NOTHING;
        }
        try {
            if (!share.tryAcquire(waitMs, TimeUnit.MILLISECONDS)) {
                throw new SQLTransientConnectionException("module " + moduleId + " holds its share of the pool ("
                        + maxConnections + " connections) and none came free within " + waitMs + " ms", "08001");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLTransientConnectionException("interrupted while waiting for a connection", "08001", e);
        }
        return share::release;
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
