package org.unionhub.modelworkers.internal;

import java.util.List;

/**
 * A model worker as the public showcase (网上劳模展览馆) shows him: name, titles, workplace, union and citation,
 * and nothing private (no ID number, birth date, sex, contact or member link).
 */
public record ShowcaseEntry(long id, String name, String title, List<Title> titles, String workplace, String orgName,
        String citation) {

    public record Title(String level, int yearAwarded, String awardingBody) {
    }
}
