package org.unionhub.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.unionhub.api.personal.KeyRotationReport;
import org.unionhub.api.personal.PersonalDataKeys;

@Command(scope = "hub", name = "rotate-personal-data-key",
        description = "Seals every ID number again under a new personal-data key while the hub serves, then destroys the old key")
@Service
public class RotateKeyCommand implements Action {

    @Reference
    PersonalDataKeys keys;

    @Override
    public Object execute() {
        KeyRotationReport r = keys.rotate("shell");
        System.out.println((r.resumed() ? "Resumed rotation" : "Rotated key " + r.oldKeyId()) + " -> " + r.newKeyId()
                + " in " + r.millis() + " ms; the old key is destroyed");
        r.resealed().forEach((column, n) -> System.out.println("  " + column + ": " + n + " values sealed again"));
        System.out.println("Back up data/unionhub/personal-data.key now: backups taken before need the destroyed key.");
        return null;
    }
}
