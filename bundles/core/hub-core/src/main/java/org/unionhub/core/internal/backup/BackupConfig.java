package org.unionhub.core.internal.backup;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "UnionHub backups", description = "Where online backups go, how often the hub takes one, how many are kept")
public @interface BackupConfig {

    String PID = "org.unionhub.backup";

    @AttributeDefinition(name = "Backup folder", description = "Each backup is a folder unionhub-backup-<UTC time> in it")
    String directory() default "${karaf.home}/backups";

    @AttributeDefinition(name = "Hours between scheduled backups", description = "0: only when asked (bin/backup, POST /api/admin/backups)")
    int interval_hours() default 0;

    @AttributeDefinition(name = "Backups kept", description = "After each backup the oldest beyond this number are deleted; 0 keeps all")
    int retention_count() default 7;
}
