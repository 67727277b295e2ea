package dev.streamkit.nodes.core.pacing;

import dev.streamkit.api.node.Params;

/** The pacers' {@code speed} param: a tunable multiplier of real time, at least {@value #MIN}. */
public final class PacerSpeed {

    public static final String PARAM = "speed";
    public static final double MIN = 0.01;
    public static final double DEFAULT = 1.0;

    private PacerSpeed() {
    }

    /** {@code speed} from {@code params}, or {@code fallback} when absent or not finite; at least {@value #MIN}. */
    public static double read(Params params, double fallback) {
        double value = params.getDouble(PARAM, fallback);
        return Double.isFinite(value) ? Math.max(MIN, value) : fallback;
    }
}
