/**
 * Recuperation (职工疗休养): the member categories, the event topics, and the subsidy policy SPI that
 * a region's policy bundle implements.
 */
@Version("1.1.0")
@Export
package org.unionhub.recuperation.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
