/**
 * Union fairs (工会集市): fairs, stall applications with a waitlist, coupon batches and the figures officers report.
 */
@Version("2.0.0")
@Export
package org.unionhub.fairs.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
