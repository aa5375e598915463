/**
 * The module SPI: what a UnionHub service module registers, and the shared types it uses.
 */
@Version("1.2.0")
@Export
package org.unionhub.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
