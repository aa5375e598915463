package org.unionhub.core.internal.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionhub.api.db.Sql;

/**
 * Applies a module's migrations in version order, each in its own transaction together with its
 * row in {@code HUB_SCHEMA_HISTORY}, so a migration is applied whole or not at all and never twice.
 * Derby and PostgreSQL both roll back DDL, which is what makes "not at all" true.
 */
public final class MigrationRunner {

    static final String HISTORY = "HUB_SCHEMA_HISTORY";

    private final Logger logger = LoggerFactory.getLogger(MigrationRunner.class);
    private final DataSource dataSource;

    public MigrationRunner(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Creates the history table on first use. */
    public synchronized void prepare() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (!tableExists(c, HISTORY)) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE " + HISTORY + " (MODULE VARCHAR(64) NOT NULL, VERSION INT NOT NULL, "
                            + "DESCRIPTION VARCHAR(200) NOT NULL, CHECKSUM VARCHAR(64) NOT NULL, "
                            + "APPLIED_AT TIMESTAMP NOT NULL, PRIMARY KEY (MODULE, VERSION))");
                }
                if (!c.getAutoCommit()) {
                    c.commit();
                }
            }
        }
    }

    /**
     * Applies what is missing of {@code migrations} for {@code module}; answers the versions applied now.
     *
     * @throws MigrationException when a script fails or an applied script was changed since
     */
    public synchronized List<Integer> migrate(String module, List<Migration> migrations) {
        List<Integer> applied = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            List<Migration> pending = pending(c, module, migrations);
            c.commit();
            for (Migration m : pending) {
                try {
                    run(c, module, m);
                    Sql.update(c, "INSERT INTO " + HISTORY + " (MODULE, VERSION, DESCRIPTION, CHECKSUM, APPLIED_AT) "
                            + "VALUES (?, ?, ?, ?, ?)", module, m.version(), m.description(), m.checksum(), Instant.now());
                    c.commit();
                } catch (MigrationException | SQLException e) {
                    c.rollback();
                    throw e;
                }
                logger.info("Module {}: applied migration V{} ({})", module, m.version(), m.description());
                applied.add(m.version());
            }
            return applied;
        } catch (SQLException e) {
            throw new MigrationException(module, null, "cannot reach the database: " + e.getMessage());
        }
    }

    /**
     * Runs what {@code migrate} would apply of {@code migrations}, all in one transaction that is then
     * rolled back: the dry run that lets an update be refused before the running version is touched.
     * Answers the versions that would be applied.
     *
     * @throws MigrationException naming the script and statement that fails
     */
    public synchronized List<Integer> check(String module, List<Migration> migrations) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<Integer> versions = new ArrayList<>();
                for (Migration m : pending(c, module, migrations)) {
                    run(c, module, m);
                    versions.add(m.version());
                }
                return versions;
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new MigrationException(module, null, "cannot reach the database: " + e.getMessage());
        }
    }

    /** The migrations not applied yet, in version order; refuses an applied script that was changed since. */
    private static List<Migration> pending(Connection c, String module, List<Migration> migrations) throws SQLException {
        Map<Integer, String> done = new HashMap<>();
        for (Object[] row : Sql.list(c, "SELECT VERSION, CHECKSUM FROM " + HISTORY + " WHERE MODULE = ?",
                rs -> new Object[] {rs.getInt(1), rs.getString(2)}, module)) {
            done.put((Integer) row[0], (String) row[1]);
        }
        List<Migration> ordered = new ArrayList<>(migrations);
        ordered.sort(null);
        List<Migration> pending = new ArrayList<>();
        for (Migration m : ordered) {
            String applied = done.get(m.version());
            if (applied == null) {
                pending.add(m);
            } else if (!applied.equals(m.checksum())) {
                throw new MigrationException(module, m, "V" + m.version() + " was changed after it was applied");
            }
        }
        return pending;
    }

    /** Runs one script's statements on {@code c}, without committing. */
    private static void run(Connection c, String module, Migration m) {
        String current = null;
        try (Statement s = c.createStatement()) {
            for (String statement : m.statements()) {
                current = statement;
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new MigrationException(module, m, "V" + m.version() + " failed at \"" + abbreviate(current)
                    + "\": " + e.getMessage());
        }
    }

    /** The versions recorded for {@code module}, oldest first. */
    public List<Integer> appliedVersions(String module) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return Sql.list(c, "SELECT VERSION FROM " + HISTORY + " WHERE MODULE = ? ORDER BY VERSION",
                    rs -> rs.getInt(1), module);
        }
    }

    static boolean tableExists(Connection c, String table) throws SQLException {
        try (var rs = c.getMetaData().getTables(null, null, table, new String[] {"TABLE"})) {
            if (rs.next()) {
                return true;
            }
        }
        try (var rs = c.getMetaData().getTables(null, null, table.toLowerCase(), new String[] {"TABLE"})) {
            return rs.next();
        }
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 80 ? one.substring(0, 77) + "..." : one;
    }
}
