/** Administration of the installed module set: what ships, what is enabled, and changes to it. */
@Version("1.1.0")
@Export
package org.unionhub.api.admin;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
