/**
 * Figures upward: what each module counted, by period and organisation, for the hub to roll up the union tree,
 * set beside the region's targets and export as a spreadsheet a higher union takes in.
 */
@Version("1.0.0")
@Export
package org.unionhub.api.figures;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
