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
 * <p>{@link #script()} is an ES module that exports {@code mount(element, ctx)} to draw a screen and,
 * optionally, {@code headlines(ctx)} answering {@code [{label, value}]} for the home page. {@code ctx}
 * gives {@code api} (fetch with the signed-in account, problem+json as exceptions), {@code t}
 * (translation), {@code ui} (tables with paging, forms that show field errors) and {@code route}.
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
