package org.unionhub.core.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unionhub.api.db.DatabaseException;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Modules share one pool of four connections, each module at most two: a module whose threads all hold a connection
 * makes its next thread wait, then answer busy, while another module still gets connections at once.
 */
class ModuleShareTest {

    private static HikariDataSource pool;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @BeforeAll
    static void fourPooledConnections() throws SQLException {
        pool = DerbyPool.open("moduleshare", 4, 5_000, "CREATE TABLE COUPONS (ID INT PRIMARY KEY)");
    }

    @AfterAll
    static void close() {
        DerbyPool.close(pool);
    }

    @AfterEach
    void stopThreads() throws InterruptedException {
        threads.shutdownNow();
        assertTrue(threads.awaitTermination(10, TimeUnit.SECONDS));
    }

    @Test
    void aModuleHoldingItsShareWaitsThenAnswersBusyWhileAnotherModuleIsServed() throws Exception {
        ModuleDatabaseImpl fairs = new ModuleDatabaseImpl("fairs", pool, ModuleDatabaseImpl.shareOf(4), 300);
        ModuleDatabaseImpl jobfairs = new ModuleDatabaseImpl("jobfairs", pool, ModuleDatabaseImpl.shareOf(4), 300);
        CountDownLatch holding = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < 2; i++) {
            threads.submit(() -> fairs.read(c -> {
                holding.countDown();
                return awaitQuietly(release);
            }));
        }
        assertTrue(holding.await(5, TimeUnit.SECONDS));

        long start = System.nanoTime();
        DatabaseException busy = assertThrows(DatabaseException.class, () -> fairs.read(ModuleShareTest::coupons));
        long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(busy.isTransient(), "a module over its share is busy, not broken");
        assertTrue(busy.getMessage().contains("fairs"), busy.getMessage());
        assertTrue(waitedMs >= 250, "waited its turn first: " + waitedMs + " ms");
        // two of the pool's four are free, and the other module takes one at once
        assertEquals(0, jobfairs.read(ModuleShareTest::coupons));

        release.countDown();
        assertEquals(0, fairs.read(ModuleShareTest::coupons));
    }

    @Test
    void aThreadCountsOnceHoweverDeeplyItsWorkNests() {
        ModuleDatabaseImpl fairs = new ModuleDatabaseImpl("fairs", pool, 1, 300);
        int inner = fairs.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO COUPONS VALUES (1)");
            }
            // a transaction of its own, inside: it takes a second connection of the pool but no second share
            return fairs.inTransaction(n -> {
                try (Statement s = n.createStatement()) {
                    return s.executeUpdate("INSERT INTO COUPONS VALUES (2)");
                }
            });
        });
        assertEquals(1, inner);
        assertEquals(2, fairs.read(ModuleShareTest::coupons));
        fairs.inTransaction(c -> c.createStatement().executeUpdate("DELETE FROM COUPONS"));
    }

    @Test
    void aShareComesBackWhenTheWorkFails() throws Exception {
        ModuleDatabaseImpl fairs = new ModuleDatabaseImpl("fairs", pool, 1, 300);
        for (int i = 0; i < 3; i++) {
            assertThrows(DatabaseException.class, () -> fairs.inTransaction(c -> count(c, "NO_SUCH_TABLE")));
            assertThrows(IllegalStateException.class, () -> fairs.read(c -> {
                throw new IllegalStateException("the module's own failure");
            }));
        }
        Future<Integer> fromAnotherThread = threads.submit(() -> fairs.read(ModuleShareTest::coupons));
        assertEquals(0, fromAnotherThread.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aModuleMayHoldHalfOfAPoolOfFourOrMoreAndASmallerPoolIsNotDivided() {
        assertEquals(8, ModuleDatabaseImpl.shareOf(16));
        assertEquals(2, ModuleDatabaseImpl.shareOf(5));
        assertEquals(2, ModuleDatabaseImpl.shareOf(4));
        assertEquals(0, ModuleDatabaseImpl.shareOf(3));
        assertEquals(0, ModuleDatabaseImpl.shareOf(1));
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int coupons(Connection c) throws SQLException {
        return count(c, "COUPONS");
    }

    private static int count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
