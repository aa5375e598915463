/**
 * Job fairs as other modules see them: a fair's summary and figures, the application workflow and the
 * event topics. The jobfairs service bundle implements {@link JobFairs}.
 */
@Version("2.0.0")
@Export
package org.unionhub.jobfairs.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
