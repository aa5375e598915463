package org.unionhub.core.internal.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** A HikariCP pool over a fresh in-memory Derby database, as pax-jdbc pools the hub's own. */
final class DerbyPool {

    private DerbyPool() {
    }

    /** Creates database {@code name}, runs {@code ddl} on it, then pools {@code size} connections to it. */
    static HikariDataSource open(String name, int size, long timeoutMs, String... ddl) throws SQLException {
        System.setProperty("derby.stream.error.file", "target/derby.log");
        String url = "jdbc:derby:memory:" + name + ";create=true";
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String statement : ddl) {
                s.execute(statement);
            }
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(timeoutMs);
        return new HikariDataSource(config);
    }

    static void close(HikariDataSource pool) {
        pool.close();
        // Hikari set the JVM-wide DriverManager login timeout to the pool's (1 s): a later test's new in-memory
        // database, slower to boot on a loaded machine, then failed with "Login timeout exceeded" (InventoryTest)
        DriverManager.setLoginTimeout(0);
    }
}
