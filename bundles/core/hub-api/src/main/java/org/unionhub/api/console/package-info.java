/** The officer console's extension point: how a module adds its screens. */
@Version("1.0.0")
@Export
package org.unionhub.api.console;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
