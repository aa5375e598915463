/**
 * Mutual medical aid (职工医疗互助保障) as other modules see it: {@link org.unionhub.mutualaid.api.MutualAid} (a
 * member's enrolment, a plan's fund) with the records it returns, and the event topics. Plans, claims, their review
 * and the ledger are the module's REST API; their bodies are the service bundle's own (3.0.0: they left this package).
 */
@Version("3.0.0")
@Export
package org.unionhub.mutualaid.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
