package org.unionhub.core.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionhub.api.db.Sql;

/** The migration rules on a real (in-memory) Derby: order, once only, all or nothing, no silent edits. */
class MigrationRunnerTest {

    private EmbeddedDataSource ds;
    private MigrationRunner runner;

    @BeforeEach
    void freshDatabase() throws SQLException {
        ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:migrations-" + UUID.randomUUID());
        ds.setCreateDatabase("create");
        runner = new MigrationRunner(ds);
        runner.prepare();
    }

    @Test
    void appliesInVersionOrderAndNeverTwice() throws SQLException {
        List<Migration> ms = List.of(
                Migration.of("V2__add_row.sql", "INSERT INTO T_THING VALUES (1);"),
                Migration.of("V1__create.sql", "-- the table\nCREATE TABLE T_THING (ID INT);"));
        assertEquals(List.of(1, 2), runner.migrate("t", ms));
        assertEquals(List.of(), runner.migrate("t", ms));
        assertEquals(1L, count("SELECT COUNT(*) FROM T_THING"));
        assertEquals(List.of(1, 2), runner.appliedVersions("t"));
    }

    @Test
    void aFailingScriptLeavesNothingOfItself() throws SQLException {
        runner.migrate("t", List.of(Migration.of("V1__create.sql", "CREATE TABLE T_A (ID INT);")));
        MigrationException e = assertThrows(MigrationException.class, () -> runner.migrate("t", List.of(
                Migration.of("V1__create.sql", "CREATE TABLE T_A (ID INT);"),
                Migration.of("V2__broken.sql", "CREATE TABLE T_B (ID INT);\nINSERT INTO T_A VALUES (1);\nINSERT INTO NOPE VALUES (1);"))));
        assertTrue(e.getMessage().contains("V2 failed"), e.getMessage());
        assertEquals(0L, count("SELECT COUNT(*) FROM T_A"));
        try (Connection c = ds.getConnection()) {
            assertFalse(MigrationRunner.tableExists(c, "T_B"));
        }
        assertEquals(List.of(1), runner.appliedVersions("t"));
    }

    @Test
    void refusesAnAppliedScriptThatWasChanged() {
        runner.migrate("t", List.of(Migration.of("V1__create.sql", "CREATE TABLE T_C (ID INT);")));
        MigrationException e = assertThrows(MigrationException.class,
                () -> runner.migrate("t", List.of(Migration.of("V1__create.sql", "CREATE TABLE T_C (ID BIGINT);"))));
        assertTrue(e.getMessage().contains("changed after it was applied"), e.getMessage());
    }

    @Test
    void modulesKeepSeparateHistories() throws SQLException {
        runner.migrate("a", List.of(Migration.of("V1__x.sql", "CREATE TABLE A_X (ID INT);")));
        runner.migrate("b", List.of(Migration.of("V1__x.sql", "CREATE TABLE B_X (ID INT);")));
        assertEquals(List.of(1), runner.appliedVersions("a"));
        assertEquals(List.of(1), runner.appliedVersions("b"));
    }

    @Test
    void ignoresFilesThatAreNotMigrations() {
        assertEquals(null, Migration.of("README.md", ""));
        assertEquals(null, Migration.of("V1_missing_underscore.sql", ""));
        assertEquals(3, Migration.of("V3__add_index.sql", "").version());
    }

    private long count(String sql) throws SQLException {
        try (Connection c = ds.getConnection()) {
            return Sql.count(c, sql);
        }
    }
    @Test
    void aDryRunReportsWhatWouldBeAppliedAndChangesNothing() throws SQLException {
        Migration v1 = Migration.of("V1__create.sql", "CREATE TABLE T_DRY (ID INT);");
        runner.migrate("dry", List.of(v1));
        Migration v2 = Migration.of("V2__column.sql", "ALTER TABLE T_DRY ADD COLUMN NOTE VARCHAR(20) DEFAULT '' NOT NULL;");
        assertEquals(List.of(2), runner.check("dry", List.of(v1, v2)));
        assertEquals(List.of(1), runner.appliedVersions("dry"));
        assertEquals(List.of(2), runner.migrate("dry", List.of(v1, v2)), "the column was not left behind by the dry run");
    }

    @Test
    void aDryRunNamesTheFailingScriptAndLeavesTheSchemaAlone() throws SQLException {
        Migration v1 = Migration.of("V1__create.sql", "CREATE TABLE T_DRY2 (ID INT);");
        runner.migrate("dry2", List.of(v1));
        Migration v2 = Migration.of("V2__column.sql", "ALTER TABLE T_DRY2 ADD COLUMN NOTE VARCHAR(20);");
        Migration v3 = Migration.of("V3__broken.sql", "ALTER TABLE T_NO_SUCH ADD COLUMN X INT;");
        MigrationException e = assertThrows(MigrationException.class, () -> runner.check("dry2", List.of(v1, v2, v3)));
        assertTrue(e.getMessage().contains("V3"), e.getMessage());
        assertEquals(List.of(2), runner.migrate("dry2", List.of(v1, v2)), "V2 of the dry run was rolled back");
    }

    @Test
    void anOlderVersionOfTheModuleStillStartsOnANewerSchema() throws SQLException {
        Migration v1 = Migration.of("V1__create.sql", "CREATE TABLE T_BACK (ID INT);");
        Migration v2 = Migration.of("V2__column.sql", "ALTER TABLE T_BACK ADD COLUMN NOTE VARCHAR(20) DEFAULT '' NOT NULL;");
        runner.migrate("back", List.of(v1, v2));
        assertEquals(List.of(), runner.migrate("back", List.of(v1)), "rolling back to V1 applies nothing and fails nothing");
    }
}
