package org.unionhub.api.console;

import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;
import org.unionhub.api.security.Roles;

/**
 * A module's screens in the officer console at {@code /console}. Register an implementation as an OSGi
 * service from the module's bundle and put the screens under {@code console/} in that bundle: the
 * console serves them at {@code /console/modules/<moduleId>/…}, shows a menu entry while the service is
 * registered and drops it the moment the bundle stops — no restart, no rebuild of the console.
 *
 * <p>{@link #script()} is an ES module compiled at the module's build from single-file components (see
 * docs/architecture.md, "The console"): it exports {@code routes} (Vue routes the console mounts under
 * {@code /m/<moduleId>}), optionally {@code labels} and {@code figures()} for the 工作台, and imports only
 * {@code vue}, {@code vue-router} and {@code @unionhub/console-kit}, which the console's import map provides.
 * An entry that exports {@code mount(element, ctx)} instead (the console before Vue) is still mounted, until every
 * module's screens are rebuilt.
 */
@ConsumerType
public interface ConsoleExtension {

    /** The module id; also the URL segment of the module's screens. */
    String moduleId();

    /** Menu title in Chinese, e.g. 工会集市. */
    String titleZh();

    /** Menu title in English, e.g. Union fairs. */
    String titleEn();

    /** The entry script under the bundle's {@code console/} folder. */
    default String script() {
        return "main.js";
    }

    /** Who sees the menu entry. */
    default Set<String> roles() {
        return Set.of(Roles.ADMIN, Roles.OFFICER);
    }

    /** Menu position: lower first. */
    default int order() {
        return 100;
    }
}
