package org.unionhub.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.core.internal.db.Migration;
import org.unionhub.core.internal.db.MigrationRunner;
import org.unionhub.core.internal.db.ModuleDatabaseImpl;

/**
 * A fresh in-memory Derby for a unit test, built the way the hub builds its database: the real
 * {@link MigrationRunner} applies the core's migrations (the scripts hub-core ships), then the module's own
 * {@code db/migration/V*.sql}, each in its transaction with its history row; the module gets the real
 * {@link ModuleDatabaseImpl} (transactions, retries of lock conflicts, unique keys as 409). Only the pool is
 * missing. A module's unit test depends on {@code org.unionhub.core} and its {@code tests} jar, scope test:
 *
 * <pre>
 * ModuleDatabase db = TestDatabase.module("fairs", FairsServiceImpl.class);
 * </pre>
 *
 * A script that fails fails the test with the runner's message (script and statement), as it would fail the
 * module's start in the hub.
 */
public final class TestDatabase {

    static {
        // Derby's log belongs in target/, not in the module's folder
        System.setProperty("derby.stream.error.file", "target/derby.log");
    }

    private TestDatabase() {
    }

    /** The core's schema alone, as the core's own stores see it. */
    public static ModuleDatabaseImpl core() {
        DataSource ds = fresh("core");
        migrate(ds, "core", MigrationRunner.class);
        return new ModuleDatabaseImpl("core", ds);
    }

    /**
     * The core's schema and then module {@code moduleId}'s migrations, read from {@code db/migration} beside
     * {@code moduleClass} (any class of the module's service bundle: its {@code target/classes} or its jar).
     */
    public static ModuleDatabase module(String moduleId, Class<?> moduleClass) {
        DataSource ds = fresh(moduleId);
        migrate(ds, "core", MigrationRunner.class);
        migrate(ds, moduleId, moduleClass);
        return new ModuleDatabaseImpl(moduleId, ds);
    }

    /** Applies the migrations found beside {@code owner} for {@code moduleId}; answers the versions applied. */
    public static List<Integer> migrate(DataSource ds, String moduleId, Class<?> owner) {
        MigrationRunner runner = new MigrationRunner(ds);
        try {
            runner.prepare();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return runner.migrate(moduleId, migrations(owner));
    }

    /** The {@code db/migration} scripts of the folder or jar that {@code owner} was loaded from. */
    public static List<Migration> migrations(Class<?> owner) {
        try {
            Path root = Path.of(owner.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(root)) {
                return read(root.resolve("db/migration"));
            }
            try (FileSystem jar = FileSystems.newFileSystem(URI.create("jar:" + root.toUri()), Map.of())) {
                return read(jar.getPath("/db/migration"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DataSource fresh(String name) {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:" + name + "-" + UUID.randomUUID());
        ds.setCreateDatabase("create");
        return ds;
    }

    private static List<Migration> read(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no migrations in " + folder + ": name a class of the module's main code");
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(TestDatabase::migration).filter(m -> m != null).toList();
        }
    }

    private static Migration migration(Path p) {
        try {
            return Migration.of(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
