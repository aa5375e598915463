/**
 * Messages to members and to phone numbers: the {@link org.unionhub.api.notify.Notifier} a region replaces with its
 * SMS or WeChat gateway, and the topics of the core's own events (joins) that reach a member's inbox.
 */
@Version("1.0.0")
@Export
package org.unionhub.api.notify;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
