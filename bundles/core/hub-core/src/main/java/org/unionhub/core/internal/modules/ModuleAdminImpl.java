package org.unionhub.core.internal.modules;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeatureEvent;
import org.apache.karaf.features.FeaturesListener;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.features.RepositoryEvent;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionhub.api.HubException;
import org.unionhub.api.admin.ModuleAdmin;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.core.internal.db.SchemaExtender;

/**
 * Keeps the installed module features equal to the chosen set of {@code etc/org.unionhub.modules.cfg}:
 * applies it on start and when it changes, writes runtime changes (REST, shell, {@code feature:install},
 * a KAR) back to it. Features are installed without refreshing other bundles, so the other modules keep
 * serving while one changes.
 */
// only as ModuleAdmin: it registers itself as a FeaturesListener in its constructor, and as a DS service of that
// type the feature service would ask SCR for it while it activates ("Service factory returned null")
@Component(service = ModuleAdmin.class, immediate = true, configurationPid = ModuleAdmin.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class ModuleAdminImpl implements ModuleAdmin, FeaturesListener {

    static final String KEY = "modules";
    private static final EnumSet<FeaturesService.Option> OPTIONS = EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);

    private final Logger logger = LoggerFactory.getLogger(ModuleAdminImpl.class);
    private final FeaturesService features;
    private final ConfigurationAdmin configAdmin;
    private final ModuleDatabase db;
    private final RequestGate gate;
    private final SchemaExtender schema;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> new Thread(r, "unionhub-modules"));
    private final ServiceRegistration<FeaturesListener> listener;
    private volatile String chosen;
    private volatile boolean applying;
    /** Values this service wrote lately: file install echoes them back, sometimes late and out of order. */
    private final Map<String, Long> written = new java.util.concurrent.ConcurrentHashMap<>();
    private final ModuleUpdates updates;

    @Activate
    public ModuleAdminImpl(BundleContext context, @Reference FeaturesService features,
            @Reference ConfigurationAdmin configAdmin, @Reference(target = "(unionhub.module=core)") ModuleDatabase db,
            @Reference RequestGate gate, @Reference SchemaExtender schema, Map<String, Object> config) {
        this.features = features;
        this.configAdmin = configAdmin;
        this.db = db;
        this.gate = gate;
        this.schema = schema;
        this.updates = new ModuleUpdates(features, schema, gate);
        this.chosen = spec(config);
        // the feature service may be busy installing the boot features that started this bundle: never wait on it here
        background.submit(() -> {
            expectChosen();
            reconcile(chosen);
        });
        this.listener = context.registerService(FeaturesListener.class, this, null);
    }

    @Modified
    void modified(Map<String, Object> config) {
        String spec = spec(config);
        Long at = written.get(spec);
        if (at != null && System.currentTimeMillis() - at < 30_000) {
            return; // our own write coming back, not an administrator's edit
        }
        if (!spec.equals(chosen)) {
            chosen = spec;
            expectChosen();
            background.submit(() -> reconcile(spec));
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        listener.unregister();
        background.shutdown();
        background.awaitTermination(30, TimeUnit.SECONDS);
    }

    @Override
    public List<ShippedModule> shipped() {
        ModuleCatalog catalog = catalog();
        Set<String> installed = installedNames();
        List<ShippedModule> out = new ArrayList<>();
        for (ModuleCatalog.Module m : catalog.modules().values()) {
            String active = m.policies().stream().filter(p -> installed.contains(m.feature() + "-" + p)).findFirst()
                    .orElse(null);
            String version = updates.installedVersion(m.feature());
            out.add(new ShippedModule(m.id(), m.feature(), version != null ? version : m.version(), installed.contains(m.feature()),
                    List.copyOf(m.policies()), active, List.copyOf(m.requires())));
        }
        return out;
    }

    @Override
    public String chosen() {
        return chosen;
    }

    @Override
    public Impact impact(String moduleId) {
        ModuleCatalog catalog = catalog();
        if (!catalog.modules().containsKey(moduleId)) {
            throw HubException.notFound("module", moduleId);
        }
        return new Impact(moduleId, neededBy(catalog, moduleId), ModuleTables.of(db, moduleId));
    }

    @Override
    public synchronized ModuleChange enable(String moduleId, String policy) {
        Map<String, String> now = catalog().resolve(chosen);
        now.put(moduleId, policy != null ? policy : now.get(moduleId));
        return change(now);
    }

    @Override
    public synchronized ModuleChange disable(String moduleId, boolean force) {
        ModuleCatalog catalog = catalog();
        Map<String, String> now = catalog.resolve(chosen);
        if (!catalog.modules().containsKey(moduleId)) {
            throw HubException.notFound("module", moduleId);
        }
        List<String> needers = neededBy(catalog, moduleId).stream().filter(now::containsKey).toList();
        if (!needers.isEmpty() && !force) {
            throw HubException.conflict("module", "module " + moduleId + " is needed by " + needers
                    + "; disable them first or force, which disables them too");
        }
        now.remove(moduleId);
        needers.forEach(now::remove);
        return change(now);
    }

    @Override
    public synchronized ModuleChange swap(String moduleId, String policy) {
        ModuleCatalog catalog = catalog();
        Map<String, String> now = catalog.resolve(chosen);
        if (!now.containsKey(moduleId)) {
            throw HubException.conflict("module", "module " + moduleId + " is not enabled");
        }
        if (policy == null || policy.isBlank()) {
            throw HubException.invalid("policy", "is required");
        }
        now.put(moduleId, policy);
        return change(now);
    }

    @Override
    public synchronized ModuleChange apply(String spec) {
        return change(catalog().resolve(spec));
    }

    private ModuleChange change(Map<String, String> wanted) {
        String spec = wanted.entrySet().stream().map(e -> e.getValue() == null ? e.getKey() : e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining(","));
        ModuleCatalog catalog = catalog();
        Set<String> target = catalog.features(spec);
        gate.expect(wanted.keySet()); // a module on its way out answers 404 at once, not after a wait
        ModuleChange result = install(catalog, target, spec);
        writeChosen(spec);
        return result;
    }

    /** Makes the installed module features equal to {@code spec}; the blank spec of a new install changes nothing. */
    private synchronized void reconcile(String spec) {
        try {
            if (spec.isBlank()) {
                String installed = catalog().specOf(installedNames());
                if (!installed.isBlank()) {
                    writeChosen(installed);
                }
                return;
            }
            ModuleCatalog catalog = catalog();
            gate.expect(catalog.resolve(spec).keySet());
            install(catalog, catalog.features(spec), spec);
        } catch (RuntimeException e) {
            logger.error("Cannot apply the module set '{}' of etc/{}.cfg: {}", spec, PID, e.getMessage());
        }
    }

    private ModuleChange install(ModuleCatalog catalog, Set<String> target, String spec) {
        Set<String> installed = installedNames().stream().filter(catalog::isManaged).collect(Collectors.toSet());
        Set<String> add = new TreeSet<>(target);
        add.removeAll(installed);
        Set<String> remove = new TreeSet<>(installed);
        remove.removeAll(target);
        applying = true;
        try {
            if (!remove.isEmpty()) {
                logger.info("Modules: uninstalling {}", remove);
                features.uninstallFeatures(remove, OPTIONS);
            }
            if (!add.isEmpty()) {
                logger.info("Modules: installing {}", add);
                features.installFeatures(add, OPTIONS);
            }
        } catch (Exception e) {
            throw new HubException(409, "Conflict", "the module set '" + spec + "' could not be applied: " + e.getMessage());
        } finally {
            applying = false;
        }
        return new ModuleChange(spec, List.copyOf(add), List.copyOf(remove));
    }

    @Override
    public void featureEvent(FeatureEvent event) {
        if (applying || event.isReplay()) {
            return;
        }
        String name = event.getFeature().getName();
        if (name.startsWith(ModuleCatalog.PREFIX)) {
            // a change made outside this service (feature:install, a KAR in deploy/): keep the file true
            background.submit(() -> {
                String now = catalog().specOf(installedNames());
                if (!now.equals(chosen)) {
                    writeChosen(now);
                }
            });
        }
    }

    /**
     * A KAR dropped into {@code deploy/} that carries a newer version of an enabled module updates it here,
     * guarded like {@link #update}, before the KAR installer would install the new feature beside the old one.
     * A refused update takes the KAR's repository away again, so nothing of it is installed. Other new
     * repositories (e.g. {@code feature:repo-add}) only offer versions, which {@code hub:update} applies.
     */
    @Override
    public void repositoryEvent(RepositoryEvent event) {
        if (event.isReplay() || event.getType() != RepositoryEvent.EventType.RepositoryAdded
                || !ModuleUpdates.fromKar(event.getRepository().getURI().toString())) {
            return;
        }
        try {
            for (Feature f : event.getRepository().getFeatures()) {
                String id = f.getName().startsWith(ModuleCatalog.PREFIX) ? f.getName().substring(ModuleCatalog.PREFIX.length()) : "";
                String running = updates.installedVersion(f.getName());
                if (running != null && !id.contains("-") && ModuleVersions.newer(f.getVersion(), running)) {
                    try {
                        update(id, f.getVersion());
                    } catch (HubException refused) {
                        logger.error("The KAR with {} is refused and its features are not installed: {}", f.getName() + "/"
                                + f.getVersion(), refused.getMessage());
                        features.removeRepository(event.getRepository().getURI());
                        return;
                    }
                }
            }
        } catch (Exception e) {
            logger.error("Cannot read the repository {}: {}", event.getRepository().getURI(), e.getMessage());
        }
    }

    @Override
    public synchronized ModuleChange update(String moduleId, String version) {
        if (!catalog().modules().containsKey(moduleId)) {
            throw HubException.notFound("module", moduleId);
        }
        applying = true;
        try {
            ModuleUpdates.Swap swap = updates.update(moduleId, version);
            return new ModuleChange(chosen, List.of(swap.to()), List.of(swap.from()));
        } finally {
            applying = false;
        }
    }

    private void expectChosen() {
        try {
            gate.expect(chosen.isBlank() ? Set.of() : catalog().resolve(chosen).keySet());
        } catch (RuntimeException e) {
            // e.g. while a KAR replaces a feature repository: keep what was expected, or held requests would fail
            logger.debug("Modules: the chosen set '{}' does not resolve now: {}", chosen, e.getMessage());
        }
    }

    private synchronized void writeChosen(String spec) {
        chosen = spec;
        expectChosen();
        long now = System.currentTimeMillis();
        written.values().removeIf(t -> now - t > 30_000);
        written.put(spec, now);
        try {
            Configuration cfg = configAdmin.getConfiguration(PID, null);
            Dictionary<String, Object> props = cfg.getProperties() == null ? new Hashtable<>() : cfg.getProperties();
            if (spec.equals(props.get(KEY))) {
                return;
            }
            props.put(KEY, spec);
            cfg.update(props);
        } catch (IOException e) {
            logger.error("Cannot write the module set to etc/{}.cfg: {}", PID, e.getMessage());
        }
    }

    private ModuleCatalog catalog() {
        try {
            List<ModuleCatalog.FeatureInfo> infos = new ArrayList<>();
            for (Feature f : features.listFeatures()) {
                infos.add(new ModuleCatalog.FeatureInfo(f.getName(), f.getVersion(),
                        f.getDependencies().stream().map(d -> d.getName()).toList()));
            }
            return new ModuleCatalog(infos);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the feature repositories: " + e.getMessage(), e);
        }
    }

    private Set<String> installedNames() {
        try {
            return Arrays.stream(features.listInstalledFeatures()).map(Feature::getName).collect(Collectors.toCollection(HashSet::new));
        } catch (Exception e) {
            throw new IllegalStateException("cannot list installed features: " + e.getMessage(), e);
        }
    }

    private static List<String> neededBy(ModuleCatalog catalog, String moduleId) {
        return catalog.modules().values().stream().filter(m -> m.requires().contains(moduleId)).map(ModuleCatalog.Module::id)
                .toList();
    }

    private static String spec(Map<String, Object> config) {
        Object v = config == null ? null : config.get(KEY);
        return v == null ? "" : String.valueOf(v).trim();
    }
}
