/**
 * ${moduleName} as clients and other modules see it. Semantically versioned: the build compares this package
 * with the last release (bnd baseline) and fails a breaking change that does not raise the major version.
 */
@Version("1.0.0")
@Export
package ${package}.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
