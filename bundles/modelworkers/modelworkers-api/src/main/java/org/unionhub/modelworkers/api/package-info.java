/**
 * The model-worker archive as other modules see it: whether a hub member is a model worker, the
 * statuses of an archive record and the event topics the module posts.
 */
@Version("2.0.0")
@Export
package org.unionhub.modelworkers.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
