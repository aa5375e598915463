package org.unionhub.core.internal.personal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.unionhub.api.personal.PersonalData;

/**
 * Every registered {@link PersonalData}, whichever modules are installed, in the order the hub asks them: modules by
 * id, the core last (modules find a member's records by his blind index, which the core's erasure clears).
 */
@Component(service = PersonalDataModules.class)
public class PersonalDataModules {

    private final List<PersonalData> all = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void add(PersonalData p) {
        all.add(p);
    }

    void remove(PersonalData p) {
        all.remove(p);
    }

    public List<PersonalData> inOrder() {
        List<PersonalData> out = new ArrayList<>(all);
        out.sort(Comparator.comparing((PersonalData p) -> "core".equals(p.module())).thenComparing(PersonalData::module));
        return out;
    }
}
