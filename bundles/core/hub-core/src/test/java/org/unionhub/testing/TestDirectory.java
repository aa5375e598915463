package org.unionhub.testing;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.unionhub.api.EmploymentForm;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.MemberInfo;
import org.unionhub.api.OrgInfo;
import org.unionhub.api.OrgKind;

/**
 * The member directory a module's unit test runs against: organisations and members kept in maps, the tree walked
 * through the parents. {@link #demoTree()} is a small tree like the core's demo: 1 the federation; 2 and 3 districts;
 * 4 a grassroots union and 5 a new-form federation under 2; 6 a grassroots union under 3.
 */
public final class TestDirectory implements MemberDirectory {

    private final Map<Long, OrgInfo> orgs = new ConcurrentHashMap<>();
    private final Map<Long, MemberInfo> members = new ConcurrentHashMap<>();
    private final AtomicLong nextMember = new AtomicLong(100);

    /** A directory with no organisation and no member. */
    public static TestDirectory empty() {
        return new TestDirectory();
    }

    public static TestDirectory demoTree() {
        return new TestDirectory()
                .org(new OrgInfo(1, "市总工会", OrgKind.FEDERATION, null))
                .org(new OrgInfo(2, "海沧区总工会", OrgKind.DISTRICT, 1L))
                .org(new OrgInfo(3, "思明区总工会", OrgKind.DISTRICT, 1L))
                .org(new OrgInfo(4, "港务工会", OrgKind.GRASSROOTS, 2L))
                .org(new OrgInfo(5, "新业态工会联合会", OrgKind.NEW_FORM_FEDERATION, 2L))
                .org(new OrgInfo(6, "软件园工会", OrgKind.GRASSROOTS, 3L));
    }

    public TestDirectory org(OrgInfo org) {
        orgs.put(org.id(), org);
        return this;
    }

    public TestDirectory member(MemberInfo member) {
        members.put(member.id(), member);
        return this;
    }

    /** Adds a member of {@code org} (ids from 100 up) and answers his id. */
    public long newMember(long org, EmploymentForm form) {
        long id = nextMember.getAndIncrement();
        member(new MemberInfo(id, "m" + id, org, form, null, null, LocalDate.of(2024, 1, 1)));
        return id;
    }

    @Override
    public Optional<MemberInfo> member(long memberId) {
        return Optional.ofNullable(members.get(memberId));
    }

    @Override
    public Optional<OrgInfo> org(long orgId) {
        return Optional.ofNullable(orgs.get(orgId));
    }

    @Override
    public Optional<MemberInfo> memberByCardNumber(String cardNumber) {
        return members.values().stream().filter(m -> cardNumber.equals(m.cardNumber())).findFirst();
    }

    @Override
    public boolean isWithin(long orgId, long scopeOrgId) {
        for (Long o = orgId; o != null; o = orgs.containsKey(o) ? orgs.get(o).parentId() : null) {
            if (o == scopeOrgId) {
                return true;
            }
        }
        return false;
    }
}
