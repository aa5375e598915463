package org.unionhub.core.internal.db;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionhub.api.db.ModuleDatabase;

/**
 * The extender behind module storage: for every started bundle with a {@code UnionHub-Module}
 * header it applies the bundle's migrations and only then registers that module's
 * {@link ModuleDatabase}, in the module bundle's own context, so the service goes when the bundle
 * stops. A module whose migration fails gets no database and so never starts; the reason is kept
 * for {@code /api/health}.
 */
@Component(service = SchemaExtender.class, immediate = true)
public class SchemaExtender implements BundleTrackerCustomizer<SchemaExtender.Tracked> {

    private final Logger logger = LoggerFactory.getLogger(SchemaExtender.class);
    private final DataSource dataSource;
    private final int share;
    private final long shareWaitMs;
    private final MigrationRunner runner;
    private final Map<String, SchemaState> states = new ConcurrentHashMap<>();
    private final BundleTracker<Tracked> tracker;
    private final java.util.concurrent.ExecutorService opener =
            java.util.concurrent.Executors.newSingleThreadExecutor(r -> new Thread(r, "unionhub-schema"));

    /** What the extender knows of one module bundle's schema. */
    public record SchemaState(String moduleId, long bundleId, String name, String version, boolean ready, String detail,
            List<Integer> applied) {
    }

    record Tracked(String moduleId, ServiceRegistration<ModuleDatabase> registration) {
    }

    @Activate
    public SchemaExtender(BundleContext context,
            @Reference(target = "(dataSourceName=unionhub)") Map.Entry<Map<String, Object>, DataSource> unionhub)
            throws SQLException {
        this.dataSource = unionhub.getValue();
        // pax-jdbc publishes the pool's settings with the DataSource; no setting, no limit
        int size = intOf(unionhub.getKey().get("hikari.maximumPoolSize"), 0);
        this.share = ModuleDatabaseImpl.shareOf(size);
        this.shareWaitMs = intOf(unionhub.getKey().get("hikari.connectionTimeout"), 30_000);
        if (share > 0) {
            logger.info("Each module may hold {} of the pool's {} connections", share, size);
        } else {
            logger.info("Modules share the pool without limits (pool size {})", size == 0 ? "not published" : size);
        }
        this.runner = new MigrationRunner(dataSource);
        runner.prepare();
        this.tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, this);
        // Opening registers ModuleDatabase services, which activates the components waiting for them; done
        // inside this constructor, a component that needs this extender indirectly would see a service cycle.
        opener.execute(tracker::open);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        opener.shutdown();
        opener.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS);
        tracker.close();
        states.clear();
    }

    public Map<String, SchemaState> states() {
        return Collections.unmodifiableMap(states);
    }

    public MigrationRunner runner() {
        return runner;
    }

    @Override
    public Tracked addingBundle(Bundle bundle, BundleEvent event) {
        String moduleId = bundle.getHeaders().get(ModuleDatabase.MODULE_HEADER);
        if (moduleId == null || moduleId.isBlank()) {
            return null;
        }
        moduleId = moduleId.trim();
        String version = bundle.getVersion().toString();
        try {
            List<Integer> applied = runner.migrate(moduleId, migrationsOf(bundle));
            Hashtable<String, Object> props = new Hashtable<>();
            props.put(ModuleDatabase.MODULE_PROPERTY, moduleId);
            ModuleDatabase db = new ModuleDatabaseImpl(moduleId, dataSource, share, shareWaitMs);
            ServiceRegistration<ModuleDatabase> reg = bundle.getBundleContext().registerService(ModuleDatabase.class, db, props);
            states.put(moduleId, new SchemaState(moduleId, bundle.getBundleId(), nameOf(bundle), version, true, null, applied));
            return new Tracked(moduleId, reg);
        } catch (MigrationException | IOException e) {
            logger.error("Module {} (bundle {}) stays down: {}", moduleId, bundle.getSymbolicName(), e.getMessage());
            states.put(moduleId, new SchemaState(moduleId, bundle.getBundleId(), nameOf(bundle), version, false, e.getMessage(),
                    List.of()));
            return new Tracked(moduleId, null);
        }
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, Tracked tracked) {
        // nothing changes for the schema while the bundle stays started
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, Tracked tracked) {
        if (tracked.registration() != null) {
            try {
                tracked.registration().unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregisters a stopping bundle's services itself
            }
        }
        states.remove(tracked.moduleId(), states.get(tracked.moduleId()));
    }

    private static int intOf(Object setting, int otherwise) {
        try {
            return setting == null ? otherwise : Integer.parseInt(setting.toString().trim());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static String nameOf(Bundle bundle) {
        String name = bundle.getHeaders().get("Bundle-Name");
        return name == null ? bundle.getSymbolicName() : name;
    }

    static List<Migration> migrationsOf(Bundle bundle) throws IOException {
        List<Migration> out = new ArrayList<>();
        var entries = bundle.findEntries(ModuleDatabase.MIGRATIONS_FOLDER, "V*__*.sql", false);
        if (entries == null) {
            return out;
        }
        while (entries.hasMoreElements()) {
            URL url = entries.nextElement();
            String path = url.getPath();
            String name = path.substring(path.lastIndexOf('/') + 1);
            try (InputStream in = url.openStream()) {
                Migration m = Migration.of(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                if (m != null) {
                    out.add(m);
                }
            }
        }
        return out;
    }
}
