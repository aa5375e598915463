package org.unionhub.core.internal.modules;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionhub.api.HubException;
import org.unionhub.core.internal.db.MigrationException;
import org.unionhub.core.internal.db.SchemaExtender;

/**
 * Updates of an enabled module in place, for {@link ModuleAdminImpl}: the guarded swap of its feature version, the
 * wait for the new revision (its requests wait meanwhile in the {@link RequestGate}) and the way back when it does
 * not come. Callers hold {@link ModuleAdminImpl}'s lock.
 */
final class ModuleUpdates {

    private final Logger logger = LoggerFactory.getLogger(ModuleUpdates.class);
    private final FeaturesService features;
    private final SchemaExtender schema;
    private final RequestGate gate;

    ModuleUpdates(FeaturesService features, SchemaExtender schema, RequestGate gate) {
        this.features = features;
        this.schema = schema;
        this.gate = gate;
    }

    /** The feature versions an update went from and to ({@code unionhub-fairs/0.2.0}, …). */
    record Swap(String from, String to) {
    }

    /**
     * Updates an enabled module in place: the new feature must resolve ({@code Simulate}) and its pending migrations
     * must apply (run and rolled back) before anything changes; then the feature is swapped and the module awaited.
     */
    Swap update(String moduleId, String version) {
        String name = ModuleCatalog.PREFIX + moduleId;
        String running = installedVersion(name);
        if (running == null) {
            throw HubException.conflict("module", "module " + moduleId + " is not enabled");
        }
        Feature target = target(name, version, running);
        String to = name + "/" + target.getVersion();
        String from = name + "/" + running;
        List<Integer> pending;
        try {
            features.installFeatures(Set.of(to), EnumSet.of(FeaturesService.Option.Simulate,
                    FeaturesService.Option.Upgrade, FeaturesService.Option.NoAutoRefreshBundles));
        } catch (Exception e) {
            throw HubException.conflict("version", to + " cannot be installed: " + e.getMessage());
        }
        try {
            pending = schema.runner().check(moduleId, FeatureMigrations.of(target, moduleId));
        } catch (MigrationException | java.io.IOException e) {
            throw HubException.conflict("version", to + " is refused: " + e.getMessage());
        }
        logger.info("Modules: updating {} to {} (migrations to apply: {})", from, to, pending);
        replace(moduleId, to, from);
        return new Swap(from, to);
    }

    /** Swaps the feature version and waits for the module (its requests wait meanwhile, see RequestGate); goes back to {@code from} if it does not come. */
    private void replace(String moduleId, String to, String from) {
        EnumSet<FeaturesService.Option> upgrade = EnumSet.of(FeaturesService.Option.Upgrade,
                FeaturesService.Option.NoAutoRefreshBundles);
        try {
            features.installFeatures(Set.of(to), upgrade);
            if (!awaitServing(moduleId, 60_000)) {
                logger.error("Modules: {} did not start; going back to {}", to, from);
                features.installFeatures(Set.of(from), upgrade);
                awaitServing(moduleId, 60_000);
                throw HubException.conflict("version", to + " did not start and was rolled back to " + from + ": "
                        + schemaDetail(moduleId));
            }
        } catch (HubException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while updating " + moduleId, e);
        } catch (Exception e) {
            throw new IllegalStateException("the update to " + to + " failed: " + e.getMessage(), e);
        }
    }

    private boolean awaitServing(String moduleId, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            SchemaExtender.SchemaState state = schema.states().get(moduleId);
            if (state != null && !state.ready()) {
                return false;
            }
            if (gate.serving(moduleId)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private String schemaDetail(String moduleId) {
        SchemaExtender.SchemaState state = schema.states().get(moduleId);
        return state == null || state.detail() == null ? "its module did not register" : state.detail();
    }

    private Feature target(String name, String version, String running) {
        try {
            Feature best = null;
            for (Feature f : features.listFeatures()) {
                if (!f.getName().equals(name)) {
                    continue;
                }
                if (version != null ? f.getVersion().equals(version)
                        : ModuleVersions.newer(f.getVersion(), running) && (best == null || ModuleVersions.newer(f.getVersion(), best.getVersion()))) {
                    best = f;
                }
            }
            if (best == null) {
                throw version == null ? HubException.conflict("version", "no version of " + name + " newer than " + running
                        + " is in the feature repositories; add one (a KAR in deploy/ or feature:repo-add)")
                        : HubException.conflict("version", name + "/" + version + " is not in the feature repositories");
            }
            if (best.getVersion().equals(running)) {
                throw HubException.conflict("version", name + " already runs version " + running);
            }
            return best;
        } catch (HubException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the feature repositories: " + e.getMessage(), e);
        }
    }

    String installedVersion(String featureName) {
        try {
            for (Feature f : features.listInstalledFeatures()) {
                if (f.getName().equals(featureName)) {
                    return f.getVersion();
                }
            }
            return null;
        } catch (Exception e) {
            throw new IllegalStateException("cannot list installed features: " + e.getMessage(), e);
        }
    }

    /** Whether a KAR brought this repository: the KAR installer lists a KAR's repositories in {@code data/kar/<kar>/features.cfg} first. */
    static boolean fromKar(String uri) {
        java.io.File[] kars = new java.io.File(System.getProperty("karaf.data", "data"), "kar").listFiles(java.io.File::isDirectory);
        for (java.io.File kar : kars == null ? new java.io.File[0] : kars) {
            try {
                if (java.nio.file.Files.readAllLines(new java.io.File(kar, "features.cfg").toPath()).stream()
                        .anyMatch(line -> line.trim().equals(uri))) {
                    return true;
                }
            } catch (IOException noList) {
                // not a KAR's folder
            }
        }
        return false;
    }
}
