package ${package}.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code org.unionhub.${moduleId}} (etc/org.unionhub.${moduleId}.cfg): key {@code note.required}. */
@ObjectClassDefinition(name = "UnionHub ${moduleName}", description = "Settings of the ${moduleId} module")
public @interface ModuleConfig {

    @AttributeDefinition(name = "Note required", description = "Whether every new item must carry a note")
    boolean note_required() default false;
}
