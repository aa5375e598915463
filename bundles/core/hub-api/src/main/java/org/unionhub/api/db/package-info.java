@Version("1.3.0")
@Export
package org.unionhub.api.db;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
