package org.unionhub.api.figures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A module's figures, registered as an OSGi service by any module that has some. The hub asks every registered
 * one (so any subset of modules works), rolls each organisation's values up the tree and sets them beside the
 * targets the region set. Modules implement it, so it is a consumer type.
 */
@ConsumerType
public interface ModuleFigures {

    /** The module's id, as in {@code HubModule#id()}. */
    String module();

    /** The figures this module reports, in the order a report shows them. */
    List<Figure> figures();

    /**
     * What was counted in {@code [from, to)} at each organisation itself, not including those below it (the hub
     * adds those): organisation id → figure key → value. Organisations with nothing may be left out.
     */
    Map<Long, Map<String, BigDecimal>> countedAt(LocalDate from, LocalDate to);
}
