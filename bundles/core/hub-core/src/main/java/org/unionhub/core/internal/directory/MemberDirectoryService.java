package org.unionhub.core.internal.directory;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.MemberInfo;
import org.unionhub.api.OrgInfo;
import org.unionhub.core.internal.DemoData;

/**
 * The {@link MemberDirectory} modules see. Published only once the core's demo data (on a demo install)
 * is there, so that a module seeding its own demo data against organisations and members of the core
 * never runs before them.
 */
@Component(service = MemberDirectory.class)
public class MemberDirectoryService implements MemberDirectory {

    private final Directory directory;

    @Activate
    public MemberDirectoryService(@Reference Directory directory, @Reference DemoData demoData) {
        this.directory = directory;
    }

    @Override
    public Optional<MemberInfo> member(long memberId) {
        return directory.member(memberId);
    }

    @Override
    public Optional<OrgInfo> org(long orgId) {
        return directory.org(orgId);
    }

    @Override
    public Optional<MemberInfo> memberByCardNumber(String cardNumber) {
        return directory.memberByCardNumber(cardNumber);
    }

    @Override
    public boolean isWithin(long orgId, long scopeOrgId) {
        return directory.isWithin(orgId, scopeOrgId);
    }

    @Override
    public Optional<String> orgPath(long orgId) {
        return directory.orgPath(orgId);
    }
}
