package org.unionhub.web.internal;

import java.util.Optional;

import javax.annotation.Priority;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * Every problem answer in Chinese when {@code Accept-Language} puts Chinese first (the console sends
 * {@code zh-CN}); English for a client that asks for it or sends no {@code Accept-Language}. Problems from the
 * exception mappers and from filters that abort (authentication, the edge) alike; the mappers leave the exception
 * under {@link #ORIGIN} so that the raising module's texts and labels are tried first.
 */
@Component(service = ContainerResponseFilter.class)
@JaxrsExtension
@JaxrsApplicationSelect("(unionhub.app=true)")
@JaxrsName("unionhub.problem-language")
@JSONRequired
@Priority(100)
public class ProblemLanguage implements ContainerResponseFilter {

    static final String ORIGIN = "unionhub.problem.origin";

    private final Catalogues catalogues;

    @Activate
    public ProblemLanguage(@Reference Catalogues catalogues) {
        this.catalogues = catalogues;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Problem p) || response.getHeaders().containsKey("Content-Language")) {
            return;
        }
        if (!ProblemTranslator.wantsChinese(request.getHeaderString("Accept-Language"))) {
            return;
        }
        Object raised = request.getProperty(ORIGIN);
        Optional<Catalogues.Catalogue> origin = raised instanceof Throwable t ? catalogues.origin(t) : Optional.empty();
        response.setEntity(ProblemTranslator.toChinese(p, origin, catalogues.all()));
        response.getHeaders().putSingle("Content-Language", "zh-CN");
    }
}
