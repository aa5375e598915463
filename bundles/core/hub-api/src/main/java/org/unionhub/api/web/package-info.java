@Version("1.5.0")
@Export
package org.unionhub.api.web;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
