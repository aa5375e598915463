package org.unionhub.core.internal.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first start after {@code bin/restore}: compares the restored database with the backup's manifest, which
 * bin/restore left in {@code data/unionhub/restore-manifest.json}, and writes what differs to
 * {@code data/unionhub/restore-report.txt} (bin/restore waits for it and prints it). It runs as soon as the
 * database is there, before the modules start writing, and only once.
 */
@Component(immediate = true)
public class RestoreCheck {

    static final String MANIFEST = "restore-manifest.json";
    static final String REPORT = "restore-report.txt";

    private final Logger logger = LoggerFactory.getLogger(RestoreCheck.class);

    @Activate
    public RestoreCheck(@Reference(target = "(dataSourceName=unionhub)") DataSource dataSource) {
        Path dir = Path.of(System.getProperty("karaf.data", "data"), "unionhub");
        if (Files.isRegularFile(dir.resolve(MANIFEST))) {
            Thread t = new Thread(() -> check(dataSource, dir), "unionhub-restore-check");
            t.setDaemon(true);
            t.start();
        }
    }

    private void check(DataSource dataSource, Path dir) {
        String report;
        try {
            Manifest m = BackupService.JSON.readValue(dir.resolve(MANIFEST).toFile(), Manifest.class);
            List<String> differences;
            long rows;
            try (Connection c = dataSource.getConnection()) {
                Map<String, Inventory.TableFigures> tables = Inventory.tables(c);
                differences = m.differences(tables, Inventory.funds(c));
                rows = tables.values().stream().mapToLong(Inventory.TableFigures::rows).sum();
            }
            report = differences.isEmpty()
                    ? "EQUAL: " + m.tables().size() + " tables, " + rows + " rows and " + m.funds().size()
                            + " mutual-aid fund balances as in backup " + m.name() + "\n"
                    : "DIFFERS from backup " + m.name() + ":\n  " + String.join("\n  ", differences) + "\n";
            Files.move(dir.resolve(MANIFEST), dir.resolve("restore-manifest.checked.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | SQLException | RuntimeException e) {
            report = "DIFFERS: the restored database could not be checked: " + e + "\n";
        }
        logger.info("Restore check: {}", report.trim());
        try {
            Files.writeString(dir.resolve(REPORT), report);
        } catch (IOException e) {
            logger.error("Cannot write {}", dir.resolve(REPORT), e);
        }
    }
}
