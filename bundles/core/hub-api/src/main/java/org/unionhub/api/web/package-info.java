@Version("1.1.0")
@Export
package org.unionhub.api.web;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
