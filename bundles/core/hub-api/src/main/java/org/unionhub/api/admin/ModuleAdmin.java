package org.unionhub.api.admin;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Enables, disables and swaps service modules through Karaf's feature service. The chosen set is kept
 * in configuration PID {@value #PID} (file {@code etc/org.unionhub.modules.cfg}), the one declarative
 * place that a restart re-applies, so a runtime change is never silently undone.
 */
@ProviderType
public interface ModuleAdmin {

    String PID = "org.unionhub.modules";

    /** Every module the distribution ships, installed or not. */
    List<ShippedModule> shipped();

    /** The region's chosen set as written in the configuration, e.g. {@code fairs,recuperation:innermongolia}. */
    String chosen();

    /** What disabling {@code moduleId} would affect: modules that need it and the data that stays. */
    Impact impact(String moduleId);

    /** Enables a module (with a policy, for modules that have them). */
    ModuleChange enable(String moduleId, String policy);

    /** Disables a module; refused while another enabled module needs it, unless {@code force}. Its data stays. */
    ModuleChange disable(String moduleId, boolean force);

    /** Replaces a module's active policy by another, without a restart. */
    ModuleChange swap(String moduleId, String policy);

    /**
     * Updates an enabled module to another version of its feature ({@code null}: the newest one the
     * feature repositories offer), in place and while the hub serves: refused, with the running version
     * left as it was, when the new bundles do not resolve or a new migration fails on the live data. The
     * module's requests wait while its bundles are replaced. Also the way back to an earlier version.
     */
    ModuleChange update(String moduleId, String version);

    /** Replaces the whole set, e.g. from {@code bin/setup}: a list of modules or {@code profile:<name>}. */
    ModuleChange apply(String spec);

    record ShippedModule(String id, String feature, String version, boolean enabled, List<String> policies,
            String activePolicy, List<String> requires) {
    }

    record Impact(String moduleId, List<String> neededBy, List<TableData> dataKept) {
    }

    record TableData(String table, long rows) {
    }

    record ModuleChange(String chosen, List<String> installed, List<String> uninstalled) {
    }
}
