package org.unionhub.core.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unionhub.api.db.DatabaseException;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Two modules' databases over one pool of a single connection: a read one module makes inside another's
 * transaction (a module asking the member directory) must not wait for a second connection, or a rush that holds
 * every connection of the pool deadlocks it until the pool times out.
 */
class ModuleDatabaseImplTest {

    private static HikariDataSource pool;

    @BeforeAll
    static void onePooledConnection() throws SQLException {
        pool = DerbyPool.open("moduledb", 1, 250,
                "CREATE TABLE ORGS (ID INT PRIMARY KEY, NAME VARCHAR(40))",
                "INSERT INTO ORGS VALUES (1, '厦门市总工会')",
                "CREATE TABLE STALLS (ID INT PRIMARY KEY, ORG_ID INT)");
    }

    @AfterAll
    static void close() {
        DerbyPool.close(pool);
    }

    @Test
    void aReadInsideAnotherModulesTransactionUsesItsConnection() {
        ModuleDatabaseImpl fairs = new ModuleDatabaseImpl("fairs", pool);
        ModuleDatabaseImpl core = new ModuleDatabaseImpl("core", pool);
        int inserted = fairs.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO STALLS VALUES (1, 1)");
            }
            String org = core.read(r -> one(r, "SELECT NAME FROM ORGS WHERE ID = 1"));
            assertEquals("厦门市总工会", org);
            // the nested read sees what the transaction wrote: it is the same connection
            return Integer.parseInt(core.read(r -> one(r, "SELECT CAST(COUNT(*) AS CHAR(4)) FROM STALLS")).trim());
        });
        assertEquals(1, inserted);
        // and after the transaction, reads take a pooled connection of their own again
        assertEquals("1", core.read(r -> one(r, "SELECT CAST(COUNT(*) AS CHAR(4)) FROM STALLS")).trim());
    }

    @Test
    void aReadInsideAnotherModulesReadUsesItsConnection() {
        ModuleDatabaseImpl recuperation = new ModuleDatabaseImpl("recuperation", pool);
        ModuleDatabaseImpl core = new ModuleDatabaseImpl("core", pool);
        String seen = recuperation.read(c -> {
            StringBuilder names = new StringBuilder();
            // the outer cursor stays open while the directory is asked once per row, as a list masking its rows does
            try (PreparedStatement ps = c.prepareStatement("SELECT ID FROM ORGS ORDER BY ID");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int id = rs.getInt(1);
                    String name = core.read(r -> one(r, "SELECT NAME FROM ORGS WHERE ID = " + id));
                    names.append(name);
                }
            }
            return names.toString();
        });
        assertEquals("厦门市总工会", seen);
        // once the outer read is done, the next read takes the pooled connection afresh
        assertEquals("厦门市总工会", core.read(r -> one(r, "SELECT NAME FROM ORGS WHERE ID = 1")));
    }

    @Test
    void aFailedNestedReadRollsTheTransactionBack() {
        ModuleDatabaseImpl fairs = new ModuleDatabaseImpl("fairs", pool);
        ModuleDatabaseImpl core = new ModuleDatabaseImpl("core", pool);
        DatabaseException failed = assertThrows(DatabaseException.class, () -> fairs.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO STALLS VALUES (2, 1)");
            }
            return core.read(r -> one(r, "SELECT NAME FROM NO_SUCH_TABLE"));
        }));
        assertEquals("42X05", ((SQLException) failed.getCause()).getSQLState());
        assertEquals("0", core.read(r -> one(r, "SELECT CAST(COUNT(*) AS CHAR(4)) FROM STALLS WHERE ID = 2")).trim());
    }

    @Test
    void aReadOnAnOuterTransactionsPoolUsesItsConnectionThroughAnotherPoolsTransaction() throws SQLException {
        try (HikariDataSource other = DerbyPool.open("moduledb", 1, 250)) {
            ModuleDatabaseImpl fairs = new ModuleDatabaseImpl("fairs", pool);
            ModuleDatabaseImpl core = new ModuleDatabaseImpl("core", pool);
            ModuleDatabaseImpl elsewhere = new ModuleDatabaseImpl("elsewhere", other);
            String seen = fairs.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO STALLS VALUES (30, 1)");
                }
                // the pool's one connection is the outer transaction's: the read must find it past the inner one
                return elsewhere.inTransaction(o -> core.read(r -> one(r, "SELECT CAST(ORG_ID AS CHAR(4)) FROM STALLS WHERE ID = 30")));
            });
            assertEquals("1", seen.trim());

            // a failed read on the outer transaction's connection rolls the inner one back and is the outer's to decide
            int[] outerAttempts = {0};
            int[] innerAttempts = {0};
            DatabaseException failed = assertThrows(DatabaseException.class, () -> fairs.inTransaction(c -> {
                outerAttempts[0]++;
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO STALLS VALUES (31, 1)");
                }
                return elsewhere.inTransaction(o -> {
                    innerAttempts[0]++;
                    return core.read(r -> one(r, "SELECT NAME FROM NO_SUCH_TABLE"));
                });
            }));
            assertEquals("42X05", ((SQLException) failed.getCause()).getSQLState());
            assertEquals(1, outerAttempts[0]);
            assertEquals(1, innerAttempts[0]);
            assertEquals("0", core.read(r -> one(r, "SELECT CAST(COUNT(*) AS CHAR(4)) FROM STALLS WHERE ID = 31")).trim());
        }
    }

    private static String one(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void actionsAfterCommitRunOnceTheWorkCommittedAndNeverAfterARollback() {
        ModuleDatabaseImpl fairs = new ModuleDatabaseImpl("fairs", pool);
        java.util.List<String> heard = new java.util.ArrayList<>();
        fairs.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO STALLS VALUES (20, 1)");
            }
            // the action reads with a connection of its own: the pool's only one is back by then
            fairs.afterCommit(() -> heard.add("stall " + fairs.read(r -> one(r, "SELECT ID FROM STALLS WHERE ID = 20"))));
            assertEquals(java.util.List.of(), heard, "nothing before the commit");
            return null;
        });
        assertEquals(java.util.List.of("stall 20"), heard);

        assertThrows(IllegalStateException.class, () -> fairs.inTransaction(c -> {
            fairs.afterCommit(() -> heard.add("rolled back"));
            throw new IllegalStateException("the work failed");
        }));
        assertEquals(java.util.List.of("stall 20"), heard, "a rolled-back transaction posts nothing");

        int[] attempts = {0};
        fairs.inTransaction(c -> {
            int attempt = ++attempts[0];
            fairs.afterCommit(() -> heard.add("attempt " + attempt));
            if (attempt == 1) {
                throw new SQLException("a deadlock, retried", "40001");
            }
            return null;
        });
        assertEquals(java.util.List.of("stall 20", "attempt 2"), heard, "a retried attempt's actions are dropped");

        fairs.afterCommit(() -> heard.add("outside"));
        assertEquals(java.util.List.of("stall 20", "attempt 2", "outside"), heard, "outside a transaction at once");
        fairs.inTransaction(c -> {
            fairs.afterCommit(() -> {
                throw new IllegalStateException("a listener's failure");
            });
            fairs.afterCommit(() -> heard.add("after the failed one"));
            return null;
        });
        assertEquals("after the failed one", heard.get(heard.size() - 1), "one failed action stops no other");
    }
}
