/**
 * A member's personal data across modules: what each module holds on him (for his own copy), what keeps a record
 * from being deleted (a retention duty), and erasure that keeps amounts, dates and organisations so that figures and
 * ledgers still add up.
 */
@Version("1.3.0")
@Export
package org.unionhub.api.personal;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
