package dev.streamkit.api.contract;

import aQute.bnd.service.diff.Delta;
import aQute.bnd.service.diff.Diff;
import aQute.bnd.service.diff.Tree;
import aQute.bnd.service.diff.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * An abstract method added to a {@code @ConsumerType} interface breaks every plugin implementing it: a major
 * change. bnd (7.3, 7.4) reports it as minor when the interface also has default methods and one of them
 * is analysed first (the "default methods are minor" shortcut overwrites the interface's delta for the
 * methods after it), which is the case for {@code Node}. This rule finds such additions in a package diff
 * so that the build catches them anyway.
 */
final class ConsumerTypeRule {

    private static final String CONSUMER_TYPE = "org.osgi.annotation.versioning.ConsumerType";

    private ConsumerTypeRule() {
    }

    /** {@code Interface.method(...)} for each abstract method added to a consumer type in {@code packageDiff}. */
    static List<String> abstractAdditions(Diff packageDiff) {
        List<String> additions = new ArrayList<>();
        for (Diff type : packageDiff.getChildren()) {
            if (type.getType() != Type.INTERFACE || !isConsumerType(type.getNewer())) continue;
            for (Diff member : type.getChildren()) {
                if (member.getType() == Type.METHOD && member.getDelta() == Delta.ADDED && isAbstract(member.getNewer())) {
                    additions.add(type.getName() + "." + member.getName());
                }
            }
        }
        return additions;
    }

    private static boolean isConsumerType(Tree type) {
        return type != null && hasChild(type, Type.ANNOTATED, CONSUMER_TYPE);
    }

    private static boolean isAbstract(Tree method) {
        return hasChild(method, Type.ACCESS, "abstract");
    }

    private static boolean hasChild(Tree tree, Type type, String name) {
        for (Tree child : tree.getChildren()) {
            if (child.getType() == type && child.getName().equals(name)) return true;
        }
        return false;
    }
}
