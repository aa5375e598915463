package org.unionhub.core.internal.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionhub.api.HubException;
import org.unionhub.core.internal.security.PersonalDataCipherImpl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Online backups while the hub serves: Derby's {@code SYSCS_BACKUP_DATABASE} copies a transaction-consistent
 * database, the copy is then opened on its own to count it (the live database has moved on under load), and
 * {@code etc/} and the hub's files ({@code data/unionhub}) are copied beside it with a manifest. The personal-data
 * key goes to a file apart, outside every backup folder, so that a backup carried elsewhere does not carry it.
 */
@Component(service = BackupService.class, configurationPid = BackupConfig.PID)
@Designate(ocd = BackupConfig.class)
public class BackupService {

    static final String PREFIX = "unionhub-backup-";
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Logger logger = LoggerFactory.getLogger(BackupService.class);
    private final BundleContext context;
    private final DataSource dataSource;
    private final DataSourceFactory derby;
    private final ReentrantLock running = new ReentrantLock();
    private volatile BackupConfig config;
    private volatile ScheduledExecutorService scheduler;

    @Activate
    public BackupService(BundleContext context, @Reference(target = "(dataSourceName=unionhub)") DataSource dataSource,
            @Reference(target = "(osgi.jdbc.driver.name=derby)") DataSourceFactory derby, BackupConfig config) {
        this.context = context;
        this.dataSource = dataSource;
        this.derby = derby;
        modified(config);
    }

    @Modified
    void modified(BackupConfig c) {
        this.config = c;
        ScheduledExecutorService s = null;
        if (c.interval_hours() > 0) {
            s = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "unionhub-backup");
                t.setDaemon(true);
                return t;
            });
            s.scheduleWithFixedDelay(this::scheduled, c.interval_hours(), c.interval_hours(), TimeUnit.HOURS);
        }
        replaceScheduler(s);
    }

    private void replaceScheduler(ScheduledExecutorService s) {
        ScheduledExecutorService old = scheduler;
        scheduler = s;
        if (old != null) {
            old.shutdownNow();
        }
    }

    @Deactivate
    void deactivate() {
        replaceScheduler(null);
    }

    private void scheduled() {
        try {
            backup();
        } catch (RuntimeException e) {
            logger.error("Scheduled backup failed", e);
        }
    }

    public Path directory() {
        return Path.of(PersonalDataCipherImpl.expand(config.directory())).toAbsolutePath();
    }

    /** Takes one backup; a second one asked for while one runs is refused (409), not queued. */
    public Manifest backup() {
        if (!running.tryLock()) {
            throw HubException.conflict("a backup is already being written");
        }
        try {
            Manifest m = write();
            logger.info("Backup {} written: {} tables, {} bytes in {} ms", m.name(), m.tables().size(), m.bytes(), m.durationMillis());
            return m;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("backup failed: " + e.getMessage(), e);
        } finally {
            running.unlock();
        }
    }

    private Manifest write() throws IOException, SQLException {
        long started = System.currentTimeMillis();
        Instant now = Instant.now();
        Path root = Files.createDirectories(directory());
        String name = PREFIX + STAMP.format(now);
        for (int i = 2; Files.exists(root.resolve(name)); i++) {
            name = PREFIX + STAMP.format(now) + "-" + i;
        }
        Path partial = root.resolve(name + ".partial");
        Files.createDirectories(partial);
        try (Connection c = dataSource.getConnection(); CallableStatement call = c.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
            call.setString(1, partial.resolve("db").toString());
            call.execute();
        }
        Path copy = partial.resolve("db/unionhub");
        Map<String, Inventory.TableFigures> tables;
        Map<String, String> funds;
        Driver driver = derby.createDriver(null);
        try (Connection c = driver.connect("jdbc:derby:" + copy, new Properties())) {
            tables = Inventory.tables(c);
            funds = Inventory.funds(c);
        } finally {
            shutDown(driver, copy);
        }
        Path key = Path.of(PersonalDataCipherImpl.expand(keyFile()));
        Path etc = Path.of(System.getProperty("karaf.etc"));
        Path hubData = Path.of(System.getProperty("karaf.data"), "unionhub");
        copyTree(etc, partial.resolve("etc"), null);
        copyTree(hubData, partial.resolve("data/unionhub"), key);
        Map<String, String> files = new TreeMap<>(Inventory.files(partial.resolve("etc"), "etc/"));
        files.putAll(Inventory.files(partial.resolve("data/unionhub"), "data/unionhub/"));
        StringBuilder sums = new StringBuilder();
        files.forEach((file, sha) -> sums.append(sha).append("  ").append(file).append('\n'));
        Files.writeString(partial.resolve("SHA256SUMS"), sums);
        String keySha = keepKeyApart(root, key);
        Manifest m = new Manifest(Manifest.FORMAT, name, now.toString(), System.currentTimeMillis() - started, size(partial),
                context.getBundle().getVersion().toString(), moduleVersions(), tables, funds, files, keySha);
        JSON.writeValue(partial.resolve("manifest.json").toFile(), m);
        Files.move(partial, root.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        prune(root);
        return m;
    }

    /** Closing the copy cleanly lets a restore use it as is; Derby answers a shutdown with SQLState 08006. */
    private static void shutDown(Driver driver, Path copy) {
        try {
            driver.connect("jdbc:derby:" + copy + ";shutdown=true", new Properties());
        } catch (SQLException expected) {
            // 08006: the database was shut down
        }
    }

    private String keyFile() throws IOException {
        var ca = context.getServiceReference(org.osgi.service.cm.ConfigurationAdmin.class);
        if (ca != null) {
            var admin = context.getService(ca);
            try {
                var cfg = admin.getConfiguration("org.unionhub.security", null);
                Object v = cfg.getProperties() == null ? null : cfg.getProperties().get("key.file");
                if (v != null) {
                    return v.toString();
                }
            } finally {
                context.ungetService(ca);
            }
        }
        return "${karaf.data}/unionhub/personal-data.key";
    }

    /** The key once per key (it never changes), named by its hash, owner-only; none when the hub has no key yet. */
    private static String keepKeyApart(Path root, Path key) throws IOException {
        if (!Files.isRegularFile(key)) {
            return null;
        }
        String sha = Inventory.sha256(key);
        Path apart = root.resolve("personal-data-" + sha.substring(0, 12) + ".key");
        if (!Files.exists(apart)) {
            Files.copy(key, apart);
            apart.toFile().setReadable(false, false);
            apart.toFile().setReadable(true, true);
            apart.toFile().setWritable(false, false);
        }
        return sha;
    }

    private Map<String, String> moduleVersions() {
        Map<String, String> out = new TreeMap<>();
        for (Bundle b : context.getBundles()) {
            String id = b.getHeaders("").get("UnionHub-Module");
            if (id != null && !"core".equals(id)) {
                out.put(id, b.getVersion().toString());
            }
        }
        return out;
    }

    private static void copyTree(Path from, Path to, Path except) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                if (p.equals(except)) {
                    continue;
                }
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (Files.isRegularFile(p)) {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static long size(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** The finished backups, newest first. */
    public List<Manifest> list() {
        List<Manifest> out = new ArrayList<>();
        for (Path dir : finished(directory())) {
            try {
                out.add(JSON.readValue(dir.resolve("manifest.json").toFile(), Manifest.class));
            } catch (IOException unreadable) {
                logger.warn("Unreadable backup manifest in {}: {}", dir, unreadable.getMessage());
            }
        }
        return out;
    }

    private static List<Path> finished(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith(PREFIX) && Files.isRegularFile(d.resolve("manifest.json")))
                    .sorted(Comparator.comparing((Path d) -> d.getFileName().toString()).reversed()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private void prune(Path root) throws IOException {
        int keep = config.retention_count();
        List<Path> all = finished(root);
        for (int i = keep; keep > 0 && i < all.size(); i++) {
            try (Stream<Path> walk = Files.walk(all.get(i))) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
            logger.info("Deleted backup {} (retention {} backups)", all.get(i).getFileName(), keep);
        }
    }
}
