package org.unionhub.core.internal.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.unionhub.core.internal.db.Migration;
import org.unionhub.core.internal.db.MigrationRunner;
import org.unionhub.core.internal.db.ModuleDatabaseImpl;

/**
 * The core's schema in a fresh in-memory Derby, built by the real {@link MigrationRunner} from the scripts the bundle
 * ships, behind the real {@link ModuleDatabaseImpl}: what the core's stores run on in the hub, minus the pool.
 */
public final class CoreDatabase {

    static {
        System.setProperty("derby.stream.error.file", "target/derby.log");
    }

    private CoreDatabase() {
    }

    public static ModuleDatabaseImpl fresh() {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:core-" + UUID.randomUUID());
        ds.setCreateDatabase("create");
        MigrationRunner runner = new MigrationRunner(ds);
        try {
            runner.prepare();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        runner.migrate("core", scripts());
        return new ModuleDatabaseImpl("core", ds);
    }

    private static List<Migration> scripts() {
        try (Stream<Path> files = Files.list(Path.of(CoreDatabase.class.getResource("/db/migration").toURI()))) {
            return files.filter(p -> p.toString().endsWith(".sql")).map(CoreDatabase::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Migration read(Path p) {
        try {
            return Migration.of(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
