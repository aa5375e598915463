package org.unionhub.web.internal;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.web.ProblemMessages;

/**
 * The problem catalogue for messages that travel outside a problem (an import's per-line report): the same texts and
 * the same choice of language as {@link ProblemLanguage} applies to problems, the core's texts first.
 */
@Component(service = ProblemMessages.class)
public class CatalogueMessages implements ProblemMessages {

    private final Catalogues catalogues;

    @Activate
    public CatalogueMessages(@Reference Catalogues catalogues) {
        this.catalogues = catalogues;
    }

    @Override
    public String code(String english) {
        return ProblemTranslator.of(Optional.empty(), catalogues.all()).code(english).orElse(null);
    }

    @Override
    public String message(String english, String acceptLanguage) {
        if (english == null || !ProblemTranslator.wantsChinese(acceptLanguage)) {
            return english;
        }
        return ProblemTranslator.of(Optional.empty(), catalogues.all()).message(english).orElse(english);
    }
}
