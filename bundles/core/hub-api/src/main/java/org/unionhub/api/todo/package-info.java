/** 待办: what a signed-in officer must act on, counted by each module for {@code GET /api/todos}. */
@Version("1.1.0")
@Export
package org.unionhub.api.todo;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
