package org.unionhub.core.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unionhub.api.db.DatabaseException;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Two modules' databases over one pool of a single connection: a read one module makes inside another's
 * transaction (a module asking the member directory) must not wait for a second connection, or a rush that holds
 * every connection of the pool deadlocks it until the pool times out.
 */
class ModuleDatabaseImplTest {

    private static final String URL = "jdbc:derby:memory:moduledb;create=true";
    private static HikariDataSource pool;

    @BeforeAll
    static void onePooledConnection() throws SQLException {
        System.setProperty("derby.stream.error.file", "target/derby.log");
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE ORGS (ID INT PRIMARY KEY, NAME VARCHAR(40))");
            s.execute("INSERT INTO ORGS VALUES (1, '厦门市总工会')");
            s.execute("CREATE TABLE STALLS (ID INT PRIMARY KEY, ORG_ID INT)");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(URL);
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(250);
        pool = new HikariDataSource(config);
    }

    @AfterAll
    static void close() {
        pool.close();
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

    private static String one(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
