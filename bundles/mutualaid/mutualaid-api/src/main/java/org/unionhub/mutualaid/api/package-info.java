/**
 * Mutual medical aid (职工医疗互助保障): plans with versioned benefit rules, enrolments, claims and their
 * review, and the fund ledger.
 */
@Version("2.1.0")
@Export
package org.unionhub.mutualaid.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
