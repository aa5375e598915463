/**
 * Union rest stations (工会驿站) for outdoor workers: stations with opening hours and services, smart lockers with
 * compartments of free supplies that members book ahead, satisfaction ratings, visits, closure reports and the
 * red/yellow-card review.
 */
@Version("1.0.0")
@Export
package org.example.stations.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
