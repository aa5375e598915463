package org.unionhub.core.internal.modules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.unionhub.api.FieldError;
import org.unionhub.api.HubException;

/**
 * What the feature repository ships, read from feature names: {@code unionhub-<module>} is a module,
 * {@code unionhub-<module>-<policy>} one of its policies, {@code unionhub-profile-<name>} a region
 * profile, and {@code unionhub-core|storage|rest|metrics} the runtime itself.
 */
public final class ModuleCatalog {

    static final String PREFIX = "unionhub-";
    static final Set<String> RUNTIME = Set.of("core", "storage", "rest", "metrics");

    /** One feature as the catalog needs it. */
    public record FeatureInfo(String name, String version, List<String> dependencies) {
    }

    /** A module with its policies (possibly none) and the modules its feature requires. */
    public record Module(String id, String feature, String version, Set<String> policies, Set<String> requires) {
    }

    private final Map<String, Module> modules = new TreeMap<>();
    private final Map<String, Set<String>> profiles = new TreeMap<>();

    public ModuleCatalog(List<FeatureInfo> features) {
        Map<String, FeatureInfo> byName = new LinkedHashMap<>();
        features.stream().filter(f -> f.name().startsWith(PREFIX)).forEach(f -> byName.putIfAbsent(f.name(), f));
        for (FeatureInfo f : byName.values()) {
            String rest = f.name().substring(PREFIX.length());
            if (!rest.contains("-") && !RUNTIME.contains(rest)) {
                modules.put(rest, new Module(rest, f.name(), f.version(), new TreeSet<>(), new TreeSet<>()));
            }
        }
        for (FeatureInfo f : byName.values()) {
            String rest = f.name().substring(PREFIX.length());
            int dash = rest.indexOf('-');
            if (dash > 0 && !rest.startsWith("profile-") && modules.containsKey(rest.substring(0, dash))) {
                modules.get(rest.substring(0, dash)).policies().add(rest.substring(dash + 1));
            }
        }
        for (FeatureInfo f : byName.values()) {
            String rest = f.name().substring(PREFIX.length());
            if (modules.containsKey(rest)) {
                for (String dep : f.dependencies()) {
                    String id = moduleOf(dep);
                    if (id != null && !id.equals(rest)) {
                        modules.get(rest).requires().add(id);
                    }
                }
            } else if (rest.startsWith("profile-")) {
                Set<String> items = new LinkedHashSet<>();
                for (String dep : f.dependencies()) {
                    String item = itemOf(dep);
                    if (item != null) {
                        items.add(item);
                    }
                }
                profiles.put(rest.substring("profile-".length()), items);
            }
        }
    }

    public Map<String, Module> modules() {
        return modules;
    }

    public Map<String, Set<String>> profiles() {
        return profiles;
    }

    /** The feature names of {@code spec}, checked: unknown modules, policies or profiles and two policies of one module are refused. */
    public Set<String> features(String spec) {
        Map<String, String> chosen = resolve(spec);
        Set<String> out = new TreeSet<>();
        chosen.forEach((module, policy) -> {
            out.add(PREFIX + module);
            if (policy != null) {
                out.add(PREFIX + module + "-" + policy);
            }
        });
        return out;
    }

    /** Module id → policy (or null) for {@code spec}; throws a 422 naming field {@code modules}. */
    public Map<String, String> resolve(String spec) {
        Map<String, String> chosen = new TreeMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (String raw : (spec == null ? "" : spec).split(",")) {
            String item = raw.trim();
            if (item.isEmpty() || item.equals("none")) {
                continue;
            }
            if (item.startsWith("profile:")) {
                String name = item.substring("profile:".length());
                Set<String> profile = profiles.get(name);
                if (profile == null) {
                    errors.add(new FieldError("modules", "unknown profile '" + name + "'; known: " + profiles.keySet()));
                    continue;
                }
                profile.forEach(p -> add(chosen, p, errors));
            } else if (item.equals("all")) {
                modules.keySet().forEach(m -> chosen.putIfAbsent(m, null));
            } else {
                add(chosen, item, errors);
            }
        }
        chosen.keySet().stream().toList().forEach(m -> modules.get(m).requires().forEach(r -> chosen.putIfAbsent(r, null)));
        if (!errors.isEmpty()) {
            throw HubException.invalid(errors);
        }
        return chosen;
    }

    /** The spec that describes the installed feature names, e.g. {@code fairs,recuperation:innermongolia}. */
    public String specOf(Set<String> installedFeatures) {
        List<String> items = new ArrayList<>();
        for (Module m : modules.values()) {
            if (!installedFeatures.contains(m.feature())) {
                continue;
            }
            String policy = m.policies().stream().filter(p -> installedFeatures.contains(m.feature() + "-" + p))
                    .findFirst().orElse(null);
            items.add(policy == null ? m.id() : m.id() + ":" + policy);
        }
        return String.join(",", items);
    }

    private void add(Map<String, String> chosen, String item, List<FieldError> errors) {
        String module = item.contains(":") ? item.substring(0, item.indexOf(':')) : item;
        String policy = item.contains(":") ? item.substring(item.indexOf(':') + 1) : null;
        Module m = modules.get(module);
        if (m == null) {
            errors.add(new FieldError("modules", "unknown module '" + module + "'; known: " + modules.keySet()));
            return;
        }
        if (policy != null && !m.policies().contains(policy)) {
            errors.add(new FieldError("modules", m.policies().isEmpty() ? "module '" + module + "' has no policies"
                    : "unknown policy '" + policy + "' of module " + module + "; known: " + m.policies()));
            return;
        }
        String before = chosen.get(module);
        if (before != null && policy != null && !before.equals(policy)) {
            errors.add(new FieldError("modules", "module " + module + " cannot have two policies: " + before + " and " + policy));
            return;
        }
        chosen.put(module, policy != null ? policy : before);
    }

    /** Maps a feature name to a spec item: {@code unionhub-recuperation-zhejiang} → {@code recuperation:zhejiang}. */
    String itemOf(String feature) {
        if (!feature.startsWith(PREFIX)) {
            return null;
        }
        String rest = feature.substring(PREFIX.length());
        if (modules.containsKey(rest)) {
            return rest;
        }
        int dash = rest.indexOf('-');
        if (dash > 0 && modules.containsKey(rest.substring(0, dash))
                && modules.get(rest.substring(0, dash)).policies().contains(rest.substring(dash + 1))) {
            return rest.substring(0, dash) + ":" + rest.substring(dash + 1);
        }
        return null;
    }

    /** The module a feature belongs to (as module or as policy), or null. */
    String moduleOf(String feature) {
        String item = itemOf(feature);
        return item == null ? null : item.contains(":") ? item.substring(0, item.indexOf(':')) : item;
    }

    /** Whether a feature name is a module or a policy feature. */
    boolean isManaged(String feature) {
        return itemOf(feature) != null;
    }
}
