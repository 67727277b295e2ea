package dev.streamkit.plugins.osgi;

import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/**
 * What Declarative Services reports wrong with a started bundle's components: an activation that threw (the
 * exception's first line, and its root cause), a reference no service satisfies, a configuration it waits
 * for. Disabled components are not problems.
 */
final class ComponentProblems {

    private static final int MAX_FAILURE_CHARS = 400;

    private ComponentProblems() {
    }

    /** One line per component in trouble; empty when all are fine. */
    static List<String> of(Bundle bundle, ServiceComponentRuntime scr) {
        List<String> problems = new ArrayList<>();
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
            if (!scr.isComponentEnabled(description)) continue;
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                String problem = problem(configuration);
                if (problem != null) problems.add("component '" + description.name + "' " + problem);
            }
        }
        return problems;
    }

    private static String problem(ComponentConfigurationDTO configuration) {
        switch (configuration.state) {
            case ComponentConfigurationDTO.FAILED_ACTIVATION:
                return "failed to activate: " + summary(configuration.failure);
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE:
                List<String> references = new ArrayList<>();
                for (UnsatisfiedReferenceDTO reference : configuration.unsatisfiedReferences) {
                    references.add(reference.name + (reference.target == null ? "" : " " + reference.target));
                }
                return "waits for a service it references: " + String.join(", ", references);
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION:
                return "waits for its configuration";
            default:
                return null;
        }
    }

    /** The first line of a stack trace, plus its last "Caused by" line when there is one. */
    static String summary(String stackTrace) {
        if (stackTrace == null || stackTrace.isBlank()) return "no reason given";
        String[] lines = stackTrace.strip().split("\\R");
        String summary = lines[0].strip();
        for (int i = lines.length - 1; i > 0; i--) {
            if (lines[i].strip().startsWith("Caused by:")) {
                summary += " (" + lines[i].strip() + ")";
                break;
            }
        }
        return summary.length() > MAX_FAILURE_CHARS ? summary.substring(0, MAX_FAILURE_CHARS) + "..." : summary;
    }
}
