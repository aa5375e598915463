/**
 * The module kit's upload handling: reading a body up to a limit, telling a file's type by its first bytes, and
 * hashing it. The problem answers stay the module's own words; the kit does the mechanics.
 */
@Version("1.0.0")
@Export
package org.unionhub.api.upload;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
