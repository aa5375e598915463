@Version("1.2.0")
@Export
package org.unionhub.api.validation;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
